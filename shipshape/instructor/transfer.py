"""Import and export: upload files or a zip of content/ and quiz/, download everything."""

from . import bp  # noqa: F401
