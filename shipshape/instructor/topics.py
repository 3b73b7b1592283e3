"""The topic editor: list, search, create, edit, delete, preview, history, diff, restore."""

from . import bp  # noqa: F401
