"""Instructor accounts: passwords, API tokens and who is asking."""
