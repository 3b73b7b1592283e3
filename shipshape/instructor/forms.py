"""Flask-WTF forms for the instructor pages; each carries a CSRF token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length


class SignInForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1000)])


class ConfirmForm(FlaskForm):
    """A form with nothing but its CSRF token: sign-out, delete, restore."""
