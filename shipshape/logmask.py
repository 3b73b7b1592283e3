"""Ids that open something kept out of access logs: an attempt id in a path (an attempt with no
owner opens to whoever holds it) and a conversation id in `?c=`."""

from __future__ import annotations

import logging
import re

_ATTEMPT = re.compile(r"(/attempts/)[^/?#\s\"]+")
_CONVERSATION = re.compile(r"((?:^|[?&])c=)[^&#\s\"]+")
HIDDEN = "…"


def masked(text: str) -> str:
    """The text (a request line, a path, a query, a referrer) with those ids hidden."""
    return _CONVERSATION.sub(rf"\g<1>{HIDDEN}", _ATTEMPT.sub(rf"\g<1>{HIDDEN}", text))


class MaskIds(logging.Filter):
    """For the development server's request log (werkzeug), which logs the request line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(masked(a) if isinstance(a, str) else a for a in record.args)
        return True
