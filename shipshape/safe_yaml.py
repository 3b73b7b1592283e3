"""The one way YAML is read (topics' front matter, quizzes, GIFT's output, zip imports): safe
tags only, and no aliases. An alias shares a value, so nine levels of `&a [*b, *b, ...]` in 250
bytes make a billion-item value that every str(), walk or page then expands."""

from __future__ import annotations

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from .encodable import storable

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: faster
ALIAS_PROBLEM = "uses an alias (*name); write the value out in full instead"
SURROGATE_PROBLEM = "holds a lone surrogate (\\ud800 ...), which is not text"


class Refused(yaml.constructor.ConstructorError):
    """YAML that parses but is not accepted: an alias, or text with no UTF-8 form."""


class _Loader(_BASE):
    """A safe loader that refuses a node met twice (an alias) before building anything from it."""

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Refused(None, None, ALIAS_PROBLEM, node.start_mark)
        return super().construct_object(node, deep)

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if isinstance(value, str) and not storable(value):
            raise Refused(None, None, SURROGATE_PROBLEM, node.start_mark)
        return value


def load(text: str) -> object:
    """The YAML document as plain data; yaml.YAMLError (Refused for an alias) when it is not."""
    return yaml.load(text, Loader=_Loader)


def compose(text: str) -> yaml.Node | None:
    """The YAML document's node tree (with marks), refused when any node is reached twice."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise Refused(None, None, ALIAS_PROBLEM, node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return root


class _Dumper(yaml.SafeDumper):
    """Writes a value met twice out twice: what `load` reads back, since it refuses aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object, **options: object) -> str:
    """Plain data as YAML that `load` accepts (no anchors or aliases)."""
    return yaml.dump(data, Dumper=_Dumper, **options)


def problem(exc: yaml.YAMLError) -> str:
    """What is wrong, for a message after a file's name: 'is not valid YAML (line 3)'."""
    mark = getattr(exc, "problem_mark", None)
    line = f" (line {mark.line + 1})" if mark else ""
    if isinstance(exc, Refused):
        return f"{exc.problem}{line}"
    return f"is not valid YAML{line}"


class _FrontMatter(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> object:
        return load(fm)


_FRONT_MATTER = _FrontMatter()


def front_matter(text: str) -> frontmatter.Post:
    """A Markdown file's front matter and body; YAML front matter read by `load`."""
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if isinstance(handler, YAMLHandler):
        handler = _FRONT_MATTER
    return frontmatter.loads(text, handler=handler)
