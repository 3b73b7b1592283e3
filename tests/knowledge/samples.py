"""Three small topics and a helper to ask an index a question, shared by the knowledge tests."""

from __future__ import annotations

from shipshape.knowledge.index import TopicIndex
from shipshape.knowledge.search import plan_query, search_sections
from shipshape.knowledge.vocabulary import Vocabulary

NO_WORDS = Vocabulary()  # no filler, no synonyms: every word of a question is searched

VOLUMES = """\
---
title: Named volumes
tags: [storage]
questions:
  - How do I keep data after a container is removed?
---
A volume stores files outside the writable layer.

## Create a volume
Run the create command; the volume lives under the engine's data root.

## Remove unused volumes
Pruning deletes every volume that no container references.
"""

LISTING = """\
---
title: Listing containers
group: Container commands
command:
  name: docker container ls
  aliases: [docker ps, docker container list]
  synopsis: docker container ls [OPTIONS]
  options:
    - flags: [-a, --all]
      help: Show stopped containers too.
    - flags: [-f, --filter]
      value: filter
      help: Keep only matching containers.
---
Shows the running containers of the host.

## Include stopped containers
Add `--all` to include exited and created containers as well.
"""

LAYERS = """\
---
title: Image layers
group: Images
---
An image is a stack of read-only layers.

## Copy on write
A container adds a thin writable layer on top; changed files are copied up into it.
"""

SMALL_TOPICS = {"volumes": VOLUMES, "docker-container-ls": LISTING, "layers": LAYERS}


def found(index: TopicIndex, question: str, phrases: dict[str, str] | None = None):
    """(slug, anchor) of every section the question finds, best first."""
    plan = plan_query(question, index, NO_WORDS, phrases)
    return [(hit.slug, hit.anchor) for hit in search_sections(index, plan)]
