"""Quizzes: banks, one grader per question type, attempts."""
