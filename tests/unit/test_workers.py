"""newsroom.workers: how many workers, and what the build takes from them."""

from __future__ import annotations

import os
import time

import pytest
from newsroom.errors import DataError
from newsroom.workers import MIN_ITEMS, Workers, count


def test_count_follows_the_setting_then_the_cores(monkeypatch):
    monkeypatch.delenv("NEWSROOM_WORKERS", raising=False)
    cores = len(os.sched_getaffinity(0))
    assert count(MIN_ITEMS) == cores - 1
    assert count(MIN_ITEMS - 1) == 0  # too little to share
    assert count(10_000, allowed=False) == 0  # under mkdocs serve
    assert count(0) == 0
    monkeypatch.setenv("NEWSROOM_WORKERS", "3")
    assert count(5) == 3 and count(5, allowed=False) == 3  # asked for: even for a small site
    assert count(0) == 0
    monkeypatch.setenv("NEWSROOM_WORKERS", "0")
    assert count(10_000) == 0
    monkeypatch.setenv("NEWSROOM_WORKERS", "-1")
    with pytest.raises(DataError, match="^environment: NEWSROOM_WORKERS: '-1': use a number"):
        count(10)


def square(context, key):
    if key == context:
        raise ValueError(key)
    return int(key) ** 2


def wait_for(workers, key, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = workers.ready(key)
        if result is not None:
            return result
        workers.number[key] = int(key)  # not taken: ask again
        time.sleep(0.01)
    return None


def test_workers_make_the_keys_from_the_last_and_the_build_takes_each_once():
    keys = [str(n) for n in range(40)]
    workers = Workers(square, None, keys, 2)
    try:
        assert wait_for(workers, "39") == 39 * 39
        assert wait_for(workers, "0") == 0  # they go on to the first
        assert workers.ready("0") is None  # taken already: the build makes it if it asks again
        assert workers.ready("not a key") is None
    finally:
        workers.close()
    assert not os.path.exists(workers.folder)


def test_a_worker_that_fails_stops_and_leaves_the_rest_to_the_build():
    keys = [str(n) for n in range(10)]
    workers = Workers(square, "5", keys, 1)
    try:
        assert wait_for(workers, "6") == 36  # made before the failing key (from the last)
        assert wait_for(workers, "5", seconds=0.5) is None
        assert wait_for(workers, "4", seconds=0.5) is None  # the worker stopped at 5
    finally:
        workers.close()
