"""Template filters for quiz text written in Markdown: inline HTML (sanitized by nh3 in
knowledge.render) and plain text for places that take no markup; marks written plainly."""

from __future__ import annotations

from markupsafe import Markup

from ..knowledge.render import markdown_as_text, render_inline
from . import bp


@bp.app_template_filter("inline_markdown")
def inline_markdown(text: object) -> Markup:
    """Option, item and category texts as inline HTML; anything not text is shown as it is."""
    return Markup(render_inline(text)) if isinstance(text, str) else Markup.escape(text)


@bp.app_template_filter("markdown_text")
def markdown_text(text: object) -> str:
    return markdown_as_text(text) if isinstance(text, str) else str(text)


@bp.app_template_filter("marks")
def marks(value: object) -> str:
    """Marks as a person writes them: 1, 0.5, 2.33 (not 1.0)."""
    if not isinstance(value, int | float):
        return str(value)
    return f"{round(float(value), 2):g}"
