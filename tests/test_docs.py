"""The README documents every setting and every command the code has."""

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def settings_read_from_the_environment() -> set[str]:
    sources = [PROJECT / "shipshape" / "config.py", PROJECT / "shipshape" / "__init__.py"]
    pattern = re.compile(r"""environ(?:\.get)?\(\s*["']([A-Z_]+)["']|env\.get\(["']([A-Z_]+)["']""")
    found = set()
    for source in sources:
        for match in pattern.finditer(source.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def test_every_environment_variable_is_in_the_configuration_table():
    settings = settings_read_from_the_environment()
    assert len(settings) >= 10
    missing = sorted(name for name in settings if f"| `{name}` |" not in README)
    assert missing == []


def test_every_flask_command_is_in_the_commands_table(app):
    ours = {
        name for name in app.cli.list_commands(None) if name not in {"db", "routes", "run", "shell"}
    }
    assert {"import", "export", "create-instructor", "create-token"} <= ours
    missing = sorted(
        name for name in ours if not re.search(rf"(flask --app app |`){name}\b", README)
    )
    assert missing == []
