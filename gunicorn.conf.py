"""gunicorn settings read from the project folder (`make serve`, bench/loadserver.py)."""


def post_worker_init(worker) -> None:
    """Warm each worker up before it takes requests: its first asks then cost what the rest do.
    A failure here is logged, not fatal: the worker still does the same work on first use."""
    from shipshape.runtime import warm_up

    try:
        warm_up(worker.wsgi)
    except Exception:
        worker.log.exception("warm-up failed; the worker goes on without it")
