"""Moving topics and quizzes in and out as files: single uploads, zips of content/ and quiz/."""
