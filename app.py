"""Entry point for `flask run` and gunicorn (app:app)."""

from shipshape import create_app

app = create_app()
