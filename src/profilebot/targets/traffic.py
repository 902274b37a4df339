"""Counts the HTTP requests a block of code sends, for --verbose's per-target figures."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator


@dataclass
class Tally:
    requests: int = 0


_lock = threading.Lock()
_active: list[Tally] = []
_installed = False


@contextmanager
def counted() -> Iterator[Tally]:
    """Every request sent while the block runs, retries included, by any client built on `requests`.

    Why at the transport: each target builds its own clients (PyGithub's Requester, the ORCID
    session, the profile target reads both), so only `requests.Session.send` sees them all.
    """
    _install()
    tally = Tally()
    with _lock:
        _active.append(tally)
    try:
        yield tally
    finally:
        with _lock:
            _active.remove(tally)


def _install() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        import requests

        send = requests.Session.send

        def counting_send(self: Any, request: Any, **kwargs: Any) -> Any:
            with _lock:
                for tally in _active:
                    tally.requests += 1
            return send(self, request, **kwargs)

        requests.Session.send = counting_send  # type: ignore[method-assign]
        _installed = True
