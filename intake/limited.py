"""Running a parser in a forked child under a CPU-time, wall-time and memory limit.

CPython's e-mail parser can spend minutes and gigabytes on a small hostile message.
A worker parses such input in a child process whose address space and CPU time are
capped with setrlimit; the worker itself only waits, kills the child at the wall-time
limit and gets back a picklable result or a reason.
"""

import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from math import ceil
from typing import Any


class LimitExceeded(Exception):
    """The child ran out of time or memory, or died; str(exc) says which."""


def _virtual_size() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(write_fd: int, fn: Callable[..., Any], args: tuple, seconds: float, memory: int):
    try:
        budget = _virtual_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
        cpu = max(1, ceil(seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        try:
            payload = pickle.dumps(("ok", fn(*args)))
        except MemoryError:
            payload = pickle.dumps(("memory", ""))
        except RecursionError:
            payload = pickle.dumps(("error", "is nested too deeply"))
        except Exception as exc:  # anything the parser raises is reported, never re-raised
            payload = pickle.dumps(("error", f"could not be read ({type(exc).__name__})"))
        view = memoryview(payload)
        while view:
            view = view[os.write(write_fd, view) :]
    finally:
        os._exit(0)


def run_limited(fn: Callable[..., Any], *args, seconds: float, memory_bytes: int) -> Any:
    """Return fn(*args) computed in a forked child with at most `seconds` and `memory_bytes`
    more memory than this process has; raise LimitExceeded when a limit is hit.

    `fn` must not use this process's database connections or sockets, and its result
    must be picklable.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(write_fd, fn, args, seconds, memory_bytes)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise LimitExceeded(f"took longer than {seconds:g} seconds")
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if not chunks:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            raise LimitExceeded(f"took longer than {seconds:g} seconds")
        raise LimitExceeded(f"needed more than {memory_bytes // (1024 * 1024)} MB of memory")
    kind, value = pickle.loads(b"".join(chunks))  # noqa: S301 - our own child's output
    if kind == "memory":
        raise LimitExceeded(f"needed more than {memory_bytes // (1024 * 1024)} MB of memory")
    if kind == "error":
        raise LimitExceeded(value)
    return value
