"""From a question to a reply, in four steps: reading -> candidates -> ranking -> reply.

`understand` reads the message once (in the light of the turn before) and gathers candidate
sections with their evidence; `respond` ranks them with the fitted model and says the answer,
or says plainly that the material does not cover it. The quality bench calls the two apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..knowledge.errors import match_errors
from ..knowledge.index import Hit
from ..knowledge.library import Library
from ..knowledge.search import QueryPlan, apply_corrections, plan_query, search_including
from ..paste.mistake import reads_as_sentence
from ..paste.parts import PROSE
from .clarify import clarify_message
from .compare import comparison_table, covering_comparison, same_command
from .composing import (
    compose_answer,
    compose_comparison,
    compose_no_answer,
    compose_out_of_scope,
    compose_same_again,
    suggestions_for,
)
from .explain import explain_message
from .features import Candidate, describe, phrasings_of
from .followup import Previous, Reading, read_in_context, rewrite, things_named
from .immediate import bare_command, head_topic, plain_words, side_topic, smalltalk
from .pasted import names_a_mistake, pasted_reply
from .phrasebook import phrasebook
from .ranking import Model, confidence, load_model, rank
from .reading import Question, read_question
from .reply import ANSWER, LIKELY, NO_ANSWER, Reply
from .similarity import asked_stems, content_stems
from .weights import term_weigher

CANDIDATES = 20


@dataclass(frozen=True)
class Explanation:
    """A command line's part-by-part explanation, and the plain words among its arguments."""

    reply: Reply
    words: frozenset[str]  # their stems: a section that names one answers first
    sentence: bool = False  # the words are a sentence's ("fails with exit code 126"): a question


@dataclass(frozen=True)
class Understanding:
    """A message read and searched: everything `respond` needs, nothing decided yet."""

    question: Question
    reading: Reading
    immediate: Reply | None = None
    candidates: list[Candidate] = field(default_factory=list)
    corrected: str | None = None
    curated: str | None = None  # the comparison topic instructors wrote for these two sides
    plan: QueryPlan | None = None
    explanation: Explanation | None = None  # of a command line that may be a question in words
    table: Reply | None = None  # two topics side by side, when no section compares them
    pasted: Reply | None = None  # the reply to what the message pastes, beside words that ask
    near_scope: str | None = None  # a tool at the edge of the material: declined unless likely
    near_scope_bar: float = LIKELY  # how sure an answer beside it must be


DRIVER_BAR = 0.4  # an answer to a question that names Compose where it asks: see _near_scope
CONFIDENT = 0.8  # a terse command-like question is answered before the command's explanation
TWO_READINGS = 0.75  # the most an answer to words beside a paste is sure of
PHRASED = 8  # sections whose phrasings read most like the question join the candidates
THING_MARGIN = 2.0  # how far behind the best a section about the thing asked may score


def _compare(question: Question, library: Library) -> tuple[str | None, Reply | None, Reply | None]:
    """For 'X vs Y': (the curated comparison to prefer, a reply that needs no search, a table
    built from the two topics for when the search finds no section comparing them)."""
    sides = question.sides
    if sides is None:
        return None, None, None
    a, b = (side_topic(side, library, _side_search) for side in sides)
    if not a or not b:
        return None, None, None
    curated = covering_comparison(a, b, library.catalog) or _by_head_nouns(sides, library)
    if curated is not None:
        return curated.slug, None, None
    if a == b:
        doc = library.catalog.get(a)
        named = doc and doc.command and all(_names_command(side, library) for side in sides)
        return None, (same_command(*sides, doc) if named else None), None
    table = comparison_table(library.catalog.get(a), library.catalog.get(b))
    return None, None, replace(table, suggestions=suggestions_for(a, library.catalog, []))


def _by_head_nouns(sides: tuple[str, str], library: Library):
    """The curated comparison of what the sides are at heart: "a stopped container" is a
    container, so "a stopped container vs an image" is image vs container."""
    heads = [head_topic(side, library.catalog) for side in sides]
    if None in heads or heads[0] == heads[1]:
        return None
    return covering_comparison(heads[0], heads[1], library.catalog)


def _names_command(side: str, library: Library) -> bool:
    words = " ".join(side.lower().replace("`", " ").split())
    commands = library.catalog.commands
    return words in commands or f"docker {words}" in commands


def _side_search(text: str, library: Library) -> str | None:
    """The topic a short phrase is about, when the search is sure enough; remembered while the
    index stays as it is (the catalog is rebuilt only along with it), since the sides of
    comparisons come back again and again ("an image", "a container")."""
    return library.index.remembered(("comparison side", text), lambda: _side(text, library))


def _side(text: str, library: Library) -> str | None:
    """The topic a side names, when the search is likely right: a table built on a guess
    compares the wrong things ("the COPY" read as `docker cp`)."""
    found = respond(understand(text, library), library)
    return found.topic_slug if found.kind != NO_ANSWER and found.confidence >= LIKELY else None


def _search(question: Question, reading: Reading, library: Library) -> Understanding:
    catalog = library.catalog
    focus = question.focus_tokens if question.is_long else None
    plan = plan_query(question.search_text, library.index, library.vocabulary, catalog.commands,
                      focus)  # fmt: skip
    corrected = apply_corrections(question.text, plan.corrections) if plan.corrections else None
    errors = match_errors(question.text, catalog.error_patterns)
    filler, weigh = library.vocabulary.filler, term_weigher(library.index)
    similar = phrasebook(catalog, filler).similarities(asked_stems(plan), weigh)
    phrased = similar.closest(PHRASED)
    wanted = [(e.slug, e.anchor) for e in errors] + [(p.slug, p.anchor) for p in phrased]
    hits = search_including(library.index, plan, CANDIDATES, wanted)
    context = {
        "similar": similar,
        "filler": filler,
        "errors": errors,
        "prefer": reading.prefer_slug,
        "avoid": reading.avoid,
    }
    candidates = describe(question, plan, hits, catalog, context)
    return Understanding(question, reading, None, candidates, corrected, None, plan)


def understood_as(previous: Previous | None, library: Library) -> Previous | None:
    """The previous turn as a follow-up builds on it: what its answer was about, and a pasted
    message by the heading of the section that answered it.
    "and for images?" after a pasted error asks about images in the light of what the error was
    about; swapping words inside the error's own text only pastes the same error again."""
    if previous is None or not previous.topic_slug:
        return previous
    doc = library.catalog.get(previous.topic_slug)
    if doc is None:
        return previous
    previous = replace(previous, topic_title=doc.title)
    if not read_question(previous.question).is_long:
        return previous
    section = next((s for s in doc.sections if s.anchor == previous.anchor), None)
    return replace(previous, question=section.heading if section else doc.title)


def understand(text: str, library: Library, previous: Previous | None = None) -> Understanding:
    """Read the message and gather the candidate sections with their evidence."""
    reading = read_in_context(text, understood_as(previous, library), library.vocabulary)
    question = read_question(reading.text)
    pasted = pasted_reply(question, library)  # a Dockerfile, docker's output, a mistaken line
    if pasted is not None and _asks_beside_the_paste(question, library):
        # Beside a question in words ("Healthcheck not working") what was pasted is one reading
        # of the message: the words are searched too, and a likely answer goes with the paste's
        # reply, which alone is no surer than likely. Words that ask about what the material
        # leaves out ("my pod on minikube") are declined as they are without a paste.
        outside = _outside(question, library)
        if outside is not None:
            return Understanding(question, reading, outside)
        pasted = replace(pasted, confidence=min(pasted.confidence, LIKELY))
        return replace(_search(question, reading, library), pasted=pasted)
    immediate, explanation = _immediate(text, question, library, reading.leans, pasted)
    if immediate is not None:
        return Understanding(question, reading, immediate)
    prefer, same, table = _compare(question, library)
    if same is not None:  # two names of one command: nothing to search for
        same = replace(same, suggestions=suggestions_for(same.topic_slug, library.catalog, []))
        return Understanding(question, reading, same)
    near_scope, near_scope_bar = _near_scope(question, library)
    found = replace(
        _search(question, reading, library),
        explanation=explanation,
        table=table,
        near_scope=near_scope,
        near_scope_bar=near_scope_bar,
    )
    if prefer:
        found = replace(found, curated=prefer, reading=replace(reading, prefer_slug=prefer))
    return found


def _immediate(
    text: str, question: Question, library: Library, leans: bool, pasted: Reply | None
) -> tuple[Reply | None, Explanation | None]:
    """(a reply that needs no search, an explanation to show under a searched answer).
    Needing no search: smalltalk, out of scope, a bare command line, a clarifying question for
    one word that names several commands."""
    chat = smalltalk(text, library)
    if chat is not None:
        return chat, None
    if pasted is not None:
        return pasted, None
    outside = _outside(question, library)
    if outside is not None:
        return outside, None
    explained, line = _explained(question, library)
    words = plain_words(line, question, library) if explained is not None else ()
    if words:  # perhaps a question put tersely: search, and explain under the answer
        stems = content_stems(" ".join(words), library.vocabulary.filler)
        return None, Explanation(explained, stems, reads_as_sentence(words))
    if explained is not None or leans:
        return explained, None
    return clarify_message(text, library.catalog, library.vocabulary), None


# Words any message around a paste may hold, as content_stems gives them: they ask about the
# paste itself ("what is wrong with my Dockerfile? it does not build", "what does this output
# mean?", "this command fails").
_PASTE_WORDS = frozenset(
    {
        "anyth", "better", "build", "docker", "dockerfil", "error", "file", "fix", "good", "help",
        "idea", "imag", "improv", "issu", "look", "not", "problem", "review", "work", "wrong",
        "command", "output", "show", "run", "fail", "explain", "read", "line", "below", "abov",
        "follow", "result", "get", "see", "happen",
    }
)  # fmt: skip


def _words_beside_the_paste(question: Question, library: Library) -> frozenset[str]:
    """The stems of what the message asks in words beside what it pastes."""
    words = " ".join(part.text for part in question.parts_of(PROSE))
    return frozenset(content_stems(words, library.vocabulary.filler) - _PASTE_WORDS)


def _asks_beside_the_paste(question: Question, library: Library) -> bool:
    """The message asks something in words beside what it pastes."""
    return bool(_words_beside_the_paste(question, library))


def _bar_over_paste(found: Understanding, best: Hit, model: Model, library: Library) -> float:
    """How sure the best section must be to answer the words beside a paste. As sure as any
    answer when its title, heading or phrasings hold one of those words ("dangling images"
    beside a Dockerfile); likely, when only the paste points at it ("my cat walked over the
    keyboard") or when the paste's reply names a command line's mistake, the surer reading."""
    if names_a_mistake(found.pasted):
        return LIKELY
    words = _words_beside_the_paste(found.question, library)
    return model.threshold if words & best.key_stems else LIKELY


def _explained(question: Question, library: Library) -> tuple[Reply | None, str]:
    """A part-by-part explanation of a pasted command line that asks nothing else, and the line."""
    line = bare_command(question, library)
    explained = explain_message(line, library.catalog) if line else None
    if explained is None:
        return None, ""
    others = list(library.catalog.get(explained.topic_slug).related)
    suggestions = suggestions_for(explained.topic_slug, library.catalog, others)
    return replace(explained, suggestions=suggestions), line


def _outside(question: Question, library: Library) -> Reply | None:
    """The decline for a question whose asking part names what the material leaves out. What it
    names decides, even beside a docker error the material explains: in a Kubernetes pod or a CI
    job that error has causes and fixes the material does not teach."""
    term = library.vocabulary.out_of_scope_term(question.asking)
    return compose_out_of_scope(term, library) if term is not None else None


def _near_scope(question: Question, library: Library) -> tuple[str | None, float]:
    """A tool at the edge of the material, and how sure an answer beside it must be. One that
    drives the same containers (Compose) named where the message asks is answered from 0.4: its
    questions are mostly about the containers, volumes and ports it drives (fitted on the dev
    half: 0.4 answers 3 more of its questions right than 0.5). One the material leaves out named
    only in the story ("our GitHub Actions job", "my pod") is answered when likely. Either may
    come with a question a section answers, so neither is declined at once, as an out-of-scope
    subject in the asking part is."""
    vocabulary = library.vocabulary
    driver = vocabulary.near_scope_term(question.asking)
    if driver is not None:
        return driver, DRIVER_BAR
    return vocabulary.out_of_scope_term(question.context), LIKELY


def respond(found: Understanding, library: Library, model: Model | None = None) -> Reply:
    """Rank the candidates and say the best one, or say that the material does not cover it."""
    if found.immediate is not None:
        return found.immediate
    model = model or load_model()
    did_you_mean = found.corrected if found.corrected and not found.reading.leans else None
    if found.curated:
        curated = [c.hit for c in found.candidates if c.hit.slug == found.curated]
        if curated:  # both sides named known topics, and instructors wrote this very comparison
            return compose_comparison(curated, library, did_you_mean)
    ranked = _on_the_thing_asked(rank(found.candidates, model), found.question, library)
    sure = confidence(ranked, model)
    if found.table is not None and not _compares_both(ranked, sure, found.question, library):
        return found.table  # built from the two topics: no section compares them as well
    if found.pasted is not None:
        if not ranked or sure < _bar_over_paste(found, ranked[0].hit, model, library):
            return found.pasted
        return _answer_over_paste(ranked, sure, found, library, did_you_mean)
    if found.near_scope and (not ranked or sure < found.near_scope_bar):
        return compose_out_of_scope(found.near_scope, library, ranked)
    explained = found.explanation
    if explained and not explained.sentence and not _answers_words(ranked, sure, explained.words):
        return explained.reply  # the command line is surer than any guess at its question
    if not ranked or sure < model.threshold:
        return compose_no_answer(ranked, sure, found.plan, library)
    answer = compose_answer(ranked, sure, found.plan, library, did_you_mean)
    return answer if explained is None else _with_below(answer, explained.reply)


def _on_the_thing_asked(ranked: list, question: Question, library: Library) -> list:
    """The ranking with a close section about the one thing the question names (an image) first,
    when the best is about another thing (containers) and never names it: such words are in
    most sections, so they weigh little, and "how do I list all images" matched "list all
    containers" on its other words."""
    if not ranked or question.is_long:  # a story names things in passing
        return ranked
    vocabulary = library.vocabulary
    asked = things_named(question.text, vocabulary)
    if len(asked) != 1:
        return ranked
    best = ranked[0]
    about = things_named(f"{best.hit.title} {best.hit.heading}", vocabulary)
    if not about or asked <= about:
        return ranked
    for other in ranked[1:]:
        if best.score - other.score > THING_MARGIN:
            break
        if asked <= things_named(f"{other.hit.title} {other.hit.heading}", vocabulary):
            return [other, *(r for r in ranked if r is not other)]
    return ranked


def _answer_over_paste(
    ranked: list, sure: float, found: Understanding, library: Library, did_you_mean: str | None
) -> Reply:
    """The section that answers the words with the reply to the paste (a Dockerfile's review,
    docker's output read back) under it, or over it when that names a command line's mistake."""
    pasted = found.pasted
    # Two readings of one message (its words, its paste): the answer to the words is no surer
    # than likely, since the learner may mean what they pasted.
    answer = compose_answer(ranked, min(sure, TWO_READINGS), found.plan, library, did_you_mean)
    if names_a_mistake(pasted):
        return replace(_with_below(pasted, answer), confidence=answer.confidence)
    return replace(_with_below(answer, pasted), review=pasted.review)


def _with_below(answer: Reply, below: Reply) -> Reply:
    return replace(
        answer,
        markdown=f"{answer.markdown}\n\n{below.markdown}",
        sources=answer.sources + below.sources,  # both parts say where they come from
    )


def _answers_words(ranked: list, sure: float, words: frozenset[str]) -> bool:
    """The best section is very likely right and names one of a command line's plain words
    itself (in its title, heading or phrasings): "docker logs since" and the section on --since.
    Anything less, and the words are more likely names ("docker run ubuntu bash")."""
    return bool(ranked) and sure >= CONFIDENT and bool(words & ranked[0].hit.key_stems)


def _compares_both(ranked: list, sure: float, question: Question, library: Library) -> bool:
    """The best section is likely right and its heading or its own phrasings name both sides
    by what sets each apart ("COPY" and "ADD" of "the COPY and ADD commands in a Dockerfile"):
    a section written to compare them beats a table built from two topics."""
    if not ranked or sure < LIKELY or question.sides is None:
        return False
    hit = ranked[0].hit
    filler = library.vocabulary.filler
    own, topic = phrasings_of(hit, library.catalog)
    texts = [hit.heading if hit.anchor else hit.title, *(own if hit.anchor else topic)]
    named = frozenset().union(*(content_stems(t, filler) for t in texts))
    first, second = (content_stems(side, filler) for side in question.sides)
    own_words = (first - second or first, second - first or second)
    return all(words & named for words in own_words)


def answer_question(
    question: str, library: Library, previous: Previous | None = None, model: Model | None = None
) -> Reply:
    """Answer a question from the curated sections, reading it in the light of the turn before."""
    found = understand(question, library, previous)
    reply = respond(found, library, model)
    if previous is not None and found.reading.leans and _repeats(reply, previous):
        reply = compose_same_again(reply)
    if reply.kind == NO_ANSWER and previous is not None and not found.reading.leans:
        # Not answerable alone: perhaps it is an unmarked follow-up ("follow live?").
        before = understood_as(previous, library)
        text = rewrite(question, before.question, library.vocabulary, before.topic_title)
        leaning = Reading(text, prefer_slug=previous.topic_slug, leans=True)
        retry = respond(_search(read_question(text), leaning, library), library, model)
        if retry.kind != NO_ANSWER:
            return replace(retry, resolved=text)
    return replace(reply, resolved=found.reading.text)


def _repeats(reply: Reply, previous: Previous) -> bool:
    return reply.kind == ANSWER and (reply.topic_slug, reply.anchor or "") == (
        previous.topic_slug,
        previous.anchor or "",
    )
