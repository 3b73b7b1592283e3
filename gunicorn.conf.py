"""gunicorn settings read from the project folder (`make serve`, bench/loadserver.py)."""

from gunicorn.glogging import Logger


class MaskedAccessLog(Logger):
    """The access log without attempt and conversation ids (in the path, query and referrer)."""

    def atoms(self, resp, req, environ, request_time):
        from shipshape.logmask import masked  # the app's package, as post_worker_init's

        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = masked(atoms[key])
        return atoms


logger_class = MaskedAccessLog


def post_worker_init(worker) -> None:
    """Warm each worker up before it takes requests: its first asks then cost what the rest do.
    A failure here is logged, not fatal: the worker still does the same work on first use."""
    from shipshape.runtime import warm_up

    try:
        warm_up(worker.wsgi)
    except Exception:
        worker.log.exception("warm-up failed; the worker goes on without it")
