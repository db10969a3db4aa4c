"""Worker processes that share a build's work with it, forked so that they see the build as it
is (nothing is sent to them), each result handed back in a file.

Used for the articles' annotation (``BuildState.load_articles``) and, by the MkDocs adapter, for
the generated pages' content and their rendering with the theme. The build's output is the same
with workers as without, byte for byte (``tests/build/test_workers.py``)."""

from __future__ import annotations

import gc
import os
import pickle
import shutil
import signal
import tempfile
from collections.abc import Callable

from .errors import DataError

MIN_ITEMS = 200  # below this, forking costs more than it saves (unless NEWSROOM_WORKERS says)


def count(items: int, allowed: bool = True) -> int:
    """How many worker processes share ``items`` pieces of work: ``NEWSROOM_WORKERS`` if set (0:
    none), else, where ``allowed``, one fewer than the cores this process may use, for at least
    ``MIN_ITEMS`` items. None where there is no ``fork`` (Windows)."""
    setting = os.environ.get("NEWSROOM_WORKERS")
    if setting is not None and not setting.isdigit():
        message = f"{setting!r}: use a number of worker processes (0: none)"
        raise DataError("environment", None, "NEWSROOM_WORKERS", message)
    if not hasattr(os, "fork") or not items:
        return 0
    if setting is not None:
        return int(setting)
    if not allowed or items < MIN_ITEMS:
        return 0
    return max(len(os.sched_getaffinity(0)) - 1, 0)


class Workers:
    """``count`` worker processes, forked now, that do ``work(context, key)`` for the ``keys``
    while the build, in this process, goes through the same keys in order. The workers take them
    from the last, the build from the first: when the build reaches a key whose result a worker
    has written, it takes it (:meth:`ready`); any other it makes itself, as it would without
    workers, so that neither waits for the other, and a key that fails in a worker (the worker
    stops) fails again in the build, with its own message. They meet about where the work is
    shared evenly; what a worker makes after that is not used (:meth:`close` stops them).

    A worker writes each result to a file of its own in a temporary folder (pickled, then renamed
    into place), and this process looks for the file: no thread here hands results over, so
    nothing waits for this process's lock on the interpreter (a pool's result thread did, and
    halved what a worker did). A worker ends with ``os._exit``: nothing of the build's (its
    files, its cache's database, its threads' work) is flushed or closed twice."""

    def __init__(self, work: Callable[[object, str], object], context: object, keys: list[str], count: int) -> None:
        memory = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None  # Linux: a folder in memory
        self.folder = tempfile.mkdtemp(prefix="newsroom-workers-", dir=memory)
        self.number = {key: number for number, key in enumerate(keys)}
        theirs = list(enumerate(keys))[::-1]
        gc.collect()  # what this process has is shared with the workers until either writes it:
        gc.freeze()  # keep the cycle collector from writing (so copying) all of it in each
        self.pids = []
        for worker in range(count):
            pid = os.fork()
            if pid == 0:  # the worker
                status = 1
                try:
                    for number, key in theirs[worker::count]:
                        result = work(context, key)
                        path = os.path.join(self.folder, str(number))
                        with open(path + ".part", "wb") as stream:
                            pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
                        os.rename(path + ".part", path)
                    status = 0
                except BaseException:  # noqa: BLE001 - the build makes the key again, and says what fails
                    pass
                finally:
                    os._exit(status)
            self.pids.append(pid)

    def ready(self, key: str):
        """The workers' result for ``key`` if one has written it, else None (never waits)."""
        number = self.number.pop(key, None)
        if number is None:
            return None
        path = os.path.join(self.folder, str(number))
        try:
            with open(path, "rb") as stream:
                result = pickle.load(stream)
        except FileNotFoundError:
            return None
        os.unlink(path)
        return result

    def close(self) -> None:
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        shutil.rmtree(self.folder, ignore_errors=True)
