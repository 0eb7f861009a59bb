"""Parsing in a child process under time and memory limits."""

import time

import pytest

from intake.limited import LimitExceeded, run_limited

MB = 1024 * 1024


def _square(n: int) -> int:
    return n * n


def _hog_memory() -> int:
    blocks = []
    while True:
        blocks.append(bytearray(16 * MB))


def _spin() -> None:
    while True:
        pass


def _sleep() -> None:
    time.sleep(60)


def _deep() -> None:
    def down(n):
        return down(n + 1)

    down(0)


def _fails() -> None:
    raise KeyError("boom")


def test_it_returns_what_the_function_returns():
    assert run_limited(_square, 12, seconds=5, memory_bytes=64 * MB) == 144


def test_it_stops_a_child_that_wants_too_much_memory():
    with pytest.raises(LimitExceeded, match="MB of memory"):
        run_limited(_hog_memory, seconds=20, memory_bytes=64 * MB)


def test_it_stops_a_child_that_spins_past_its_cpu_time():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="longer than 1 seconds"):
        run_limited(_spin, seconds=1, memory_bytes=64 * MB)
    assert time.monotonic() - started < 10


def test_it_stops_a_child_that_waits_past_its_wall_time():
    with pytest.raises(LimitExceeded, match="longer than"):
        run_limited(_sleep, seconds=0.5, memory_bytes=64 * MB)


def test_it_reports_what_the_child_raised_without_raising_it():
    with pytest.raises(LimitExceeded, match="nested too deeply"):
        run_limited(_deep, seconds=5, memory_bytes=64 * MB)
    with pytest.raises(LimitExceeded, match="KeyError"):
        run_limited(_fails, seconds=5, memory_bytes=64 * MB)
