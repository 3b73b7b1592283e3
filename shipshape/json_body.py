"""A JSON request body read strictly, for every blueprint that takes one (the API, and the
attempt page's script): a clear 4xx for anything that is not a JSON object of storable text."""

from __future__ import annotations

import json

from flask import request

from .encodable import unstorable_field
from .errors import ApiError


def json_object() -> dict:
    """The request body as a dict, or an ApiError that says what is wrong with it."""
    if not request.is_json:
        raise ApiError(
            415, "unsupported_media_type", "Send a JSON body with Content-Type: application/json."
        )
    raw = request.get_data(cache=True)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding", "The body is not valid UTF-8.") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ApiError(400, "invalid_json", "The body is not valid JSON.") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", "The body must be a JSON object.")
    field = unstorable_field(data)
    if field is not None:
        raise ApiError(
            400, "invalid_text", f"'{field}' holds a lone surrogate, which is not text: send UTF-8."
        )
    return data


def json_field(name: str) -> object:
    """One field of the JSON object body, or a 400 `missing_<name>` that shows how to send it."""
    body = json_object()
    if name not in body:
        raise ApiError(400, f"missing_{name}", f'Send {{"{name}": ...}}.')
    return body[name]
