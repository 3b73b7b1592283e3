"""Text that cannot be stored: a lone surrogate (JSON's "\\ud800") has no UTF-8 form, so no
database, template or log can write it. Found here by field, so the caller can name it."""

from __future__ import annotations

from collections.abc import Iterable


def storable(text: str) -> bool:
    """Whether the text has a UTF-8 form (no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unstorable_field(value: object, where: str = "") -> str | None:
    """The first field (dotted path, list items as [i]) whose text or key has no UTF-8 form."""
    if isinstance(value, str):
        return None if storable(value) else (where or "body")
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}" if where else str(key)
            if isinstance(key, str) and not storable(key):
                return (where or "body") + " (a key)"
            found = unstorable_field(item, path)
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = unstorable_field(item, f"{where or 'body'}[{index}]")
            if found is not None:
                return found
    return None


def first_unstorable(pairs: Iterable[tuple[str, str]]) -> str | None:
    """The name of the first (name, text) pair whose name or text cannot be stored."""
    for name, text in pairs:
        if not storable(name):
            return "a field name"
        if not storable(text):
            return name
    return None
