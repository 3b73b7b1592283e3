"""Reading JSON request bodies strictly: a clear 400 for anything that is not a JSON object."""

from __future__ import annotations

from flask import request

from ..errors import ApiError
from ..json_body import json_field, json_object

__all__ = ["json_field", "json_object", "query_text"]


def query_text(name: str, max_length: int = 1000) -> str:
    value = request.args.get(name, "")
    if not value.strip():
        raise ApiError(400, "missing_query", f"Give a search with ?{name}=words.")
    if len(value) > max_length:
        raise ApiError(400, "query_too_long", f"'{name}' is longer than {max_length} characters.")
    return value.strip()
