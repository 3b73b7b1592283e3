"""Replies remembered per process: the same question, read the same way, against the same content
gets the same reply without searching again.

A key holds everything a reply depends on:
- the question with its runs of white space made one space. Case and punctuation stay: a reply
  echoes them (did you mean…), and "-a" is a flag where "a" is a word;
- the previous turn (question as understood, topic, section) when there is one;
- the content versions the index and catalog reflect (Library.version) and the analysis
  fingerprint: a topic saved anywhere moves the version once this process's index catches up
  (within SHIPSHAPE_SYNC_INTERVAL), and from then on old entries are never hit, only evicted.

A question that does not lean on the previous turn is answered as in a fresh conversation, unless
that answer is no_answer (then the answerer tries it as an unmarked follow-up): such a question
shares the fresh conversation's entry whenever that entry is an answer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from ..knowledge.analysis import analysis_fingerprint
from ..knowledge.library import Library
from .answerer import answer_question
from .followup import Previous, read_in_context
from .reply import NO_ANSWER, Reply

DEFAULT_SIZE = 2048


class AnswerCache:
    """A bounded least-recently-used map from keys to replies; size 0 remembers nothing."""

    def __init__(self, size: int = DEFAULT_SIZE):
        self.size = max(0, size)
        self._entries: OrderedDict[Hashable, Reply] = OrderedDict()
        self._lock = threading.Lock()  # the dev server and threaded workers share one cache

    def get(self, key: Hashable) -> Reply | None:
        with self._lock:
            reply = self._entries.get(key)
            if reply is not None:
                self._entries.move_to_end(key)
            return reply

    def put(self, key: Hashable, reply: Reply) -> None:
        if self.size == 0:
            return
        with self._lock:
            self._entries[key] = reply
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def question_key(question: str) -> str:
    """The question as the cache compares it: runs of white space made one space."""
    return " ".join(question.split())


def cache_key(question: str, previous: Previous | None, version: Hashable) -> tuple:
    """Everything a reply depends on; `previous` only when the reading leans on it."""
    turn = (previous.question, previous.topic_slug, previous.anchor) if previous else None
    return question_key(question), turn, version, analysis_fingerprint()


def cached_answer(
    question: str, library: Library, previous: Previous | None, cache: AnswerCache
) -> Reply:
    """answer_question's reply, from the cache when this question was answered so before."""
    # Read before answering: should the library sync meanwhile, the reply (newer, if anything)
    # lands under a version no later request asks for.
    version = library.version
    fresh = cache_key(question, None, version)
    if previous is None:
        return _answer(cache, fresh, question, library, None)
    if not read_in_context(question, previous, library.vocabulary).leans:
        shared = cache.get(fresh)
        if shared is not None and shared.kind != NO_ANSWER:
            return shared
    return _answer(cache, cache_key(question, previous, version), question, library, previous)


def _answer(
    cache: AnswerCache, key: tuple, question: str, library: Library, previous: Previous | None
) -> Reply:
    reply = cache.get(key)
    if reply is None:
        reply = answer_question(question, library, previous)
        cache.put(key, reply)
    return reply
