"""Searching works from any thread, as it must under a threaded or gthread server."""

from concurrent.futures import ThreadPoolExecutor

from shipshape.knowledge.search import plan_query, search_sections


def test_search_answers_from_worker_threads(library):
    plan = plan_query("list all containers", library.index, library.vocabulary)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: search_sections(library.index, plan), range(8)))
    assert all(hits and hits[0].slug == results[0][0].slug for hits in results)
