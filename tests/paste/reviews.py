"""The findings of one Dockerfile rule, for the tests of the rule modules."""

from shipshape.paste.dockerfile_review import review_dockerfile
from shipshape.paste.parts import split_parts

NO_LINTER = "/nowhere/hadolint"  # the own rules alone, whatever hadolint would add


def findings(text: str, rule: str) -> list:
    """The findings of one rule in a pasted Dockerfile, from the own rules alone."""
    (part,) = split_parts(text)
    review = review_dockerfile(part.instructions, part.text, NO_LINTER)
    return [f for f in review.findings if f.rule == rule]
