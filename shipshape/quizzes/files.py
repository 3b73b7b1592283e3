"""quiz/ as files: import a folder of quiz banks (all or nothing), export them back."""

from __future__ import annotations

from pathlib import Path

from ..extensions import db
from ..knowledge.commands import CommandSyntaxError
from ..textfiles import ImportFailed, ImportReport, import_each, read_text_exactly, write_texts
from . import store
from .bank import BankError, QuizDoc, parse_bank
from .command_grading import CommandContext
from .patterns import pattern_problem


def quiz_files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []


def check_quiz(doc: QuizDoc, topics: set[str], ctx: CommandContext | None) -> list[str]:
    """Problems found when a quiz is saved: unknown topics, command answers that do not parse,
    patterns that could backtrack for seconds (stored quizzes keep loading)."""
    problems = []
    for q in doc.questions:
        problems += [f"question '{q.id}': no topic '{t}'" for t in q.topics if t not in topics]
        risk = pattern_problem(q.pattern) if q.pattern else None
        if risk:
            problems.append(f"question '{q.id}': 'pattern' {risk}")
        if q.type == "command" and ctx is not None:
            try:
                parsed = ctx.parse(str(q.answer))
                if parsed.unknown_flags:
                    flags = ", ".join(parsed.unknown_flags)
                    problems.append(f"question '{q.id}': unknown flag(s) {flags}")
            except CommandSyntaxError:
                pass  # e.g. `docker image --help`: graded by its words
    return problems


def parse_quiz_folder(folder, topics: set[str], ctx: CommandContext | None) -> list[QuizDoc]:
    docs, problems = [], []
    for path in quiz_files(folder):
        try:
            doc = parse_bank(read_text_exactly(path), path.stem)
        except (BankError, UnicodeDecodeError) as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        problems += [f"{path.name}: {p}" for p in check_quiz(doc, topics, ctx)]
        docs.append(doc)
    if problems:
        raise ImportFailed(problems)
    return docs


def import_quiz_docs(docs: list[QuizDoc], author: str | None = None) -> ImportReport:
    """Save each quiz whose text changed as a new revision, in one transaction."""
    report = import_each(
        ((d.slug, d) for d in docs),
        exists=lambda slug: store.get_quiz(slug, include_deleted=True) is not None,
        save=lambda doc: store.write_quiz(doc, action="import", author=author),
    )
    db.session.commit()
    return report


def export_quiz_folder(folder: str | Path) -> list[Path]:
    """Write every live quiz's text, byte for byte, as <slug>.yaml."""
    return write_texts(folder, ((f"{q.slug}.yaml", q.source) for q in store.live_quizzes()))
