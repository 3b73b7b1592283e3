"""Pieces the OpenAPI document is built from: JSON bodies, error responses, path parameters."""

from __future__ import annotations

ERROR = {"$ref": "#/components/schemas/Error"}
ANY = {}
OBJECT = {"type": "object"}


def json_body(schema: dict) -> dict:
    return {"content": {"application/json": {"schema": schema}}}


def errors(*statuses: int) -> dict:
    return {str(s): {"description": "A JSON error", **json_body(ERROR)} for s in statuses}


def path_param(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
