"""A function applied to a stream of arguments in forked worker processes, the results taken in order.

``storage.ingest_batch`` reads and extracts the next reports here while the ingesting process writes
the previous ones to the ledger. The caller bounds how many arguments are in flight (submitted, result
not yet taken); argument ``n`` goes to worker ``n % workers`` and each worker handles its share in
order, so results come back in submission order without reordering.

Each worker has two one-way pipes of its own, and every process closes the ends it does not use, so
either side learns at once that the other is gone: a worker that dies (killed, out of memory, a crash
in native code) makes ``result`` raise :class:`WorkerDied` naming the argument it was working on,
never a hang; a parent that dies makes its workers' next read fail, and they exit. In a worker, one
thread drains the task pipe and another writes the results, so neither side ever blocks the other on
a full pipe (the parent sends while the worker writes a result the parent has not read yet). Workers
ignore Ctrl-C (the parent gets it and stops them: ``close(abort=True)`` terminates and reaps them, so
none is left behind as a zombie or an orphan).

Only where ``fork`` exists (``can_fork``): the function and the parent's state are inherited as they
are, nothing is imported again, and the arguments and results are pickled.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

try:
    import fcntl
except ImportError:  # not on Windows, which has no fork either
    fcntl = None  # type: ignore[assignment]

__all__ = ["ReadAhead", "WorkerDied", "can_fork"]

A = TypeVar("A")
R = TypeVar("R")

_IDLE = -1  # a worker's "working on" between arguments


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class WorkerDied(RuntimeError):
    """A worker process ended before giving the result of an argument it had been given.

    ``seq``: that argument's number (in submission order); ``working_on``: the number of the one it
    was working on when it ended, if it was working (else None); ``exitcode`` as ``Process.exitcode``
    (negative: killed by that signal)."""

    def __init__(self, seq: int, working_on: int | None, exitcode: int | None, detail: str = "") -> None:
        self.seq, self.working_on, self.exitcode = seq, working_on, exitcode
        super().__init__(detail or f"worker process ended ({describe_exit(exitcode)})")


def describe_exit(exitcode: int | None) -> str:
    if exitcode is None:
        return "still running, but its pipe closed"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


PIPE_BYTES = 1 << 20  # what a pipe holds, where it can be set (Linux): a report's result in one write


def _widen(conn: Connection) -> None:
    """A larger pipe buffer (Linux; elsewhere, or above the system's limit, the default stays): a
    result then goes in one write, so the writer does not wait for the reader to come round (a worker's
    writing thread waits for the interpreter lock after each partial write)."""
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setpipe is None:
        return
    with contextlib.suppress(OSError):
        fcntl.fcntl(conn.fileno(), setpipe, PIPE_BYTES)


class _Worker:
    def __init__(
        self,
        ctx: Any,
        fn: Callable[[Any], Any],
        close_in_child: list[Connection],
        orphaned: Callable[[], None] | None,
    ) -> None:
        task_r, self.tasks = ctx.Pipe(duplex=False)
        self.results, result_w = ctx.Pipe(duplex=False)
        for end in (self.tasks, self.results):
            _widen(end)
        self.working_on = ctx.RawValue("q", _IDLE)  # shared memory: which argument, if any
        self.process = ctx.Process(
            target=_serve,
            args=(
                fn,
                task_r,
                result_w,
                [*close_in_child, self.tasks, self.results],
                self.working_on,
                os.getpid(),
                orphaned,
            ),
            name="claimledger-readahead",
            daemon=True,
        )
        # Ctrl-C held back until the child ignores it (else one in between would kill it with a traceback)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        task_r.close()  # the child's ends: with this process's copies closed, an end of file on either
        result_w.close()  # pipe means the other side is gone


class ReadAhead(Generic[A, R]):
    """``fn`` over the submitted arguments in ``workers`` (≥ 1) forked processes; ``result`` gives
    the results in submission order. Use as a context manager, or call ``close``. ``orphaned``: what
    a worker does when it finds its parent gone (killed: it could not clean up), e.g. remove a
    temporary folder."""

    def __init__(self, fn: Callable[[A], R], workers: int, *, orphaned: Callable[[], None] | None = None) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        ctx = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []
        self._submitted = 0
        self._taken = 0
        try:
            for _ in range(workers):
                mine = [c for w in self._workers for c in (w.tasks, w.results)]
                self._workers.append(_Worker(ctx, fn, mine, orphaned))
        except BaseException:
            self.close(abort=True)
            raise

    @property
    def in_flight(self) -> int:
        return self._submitted - self._taken

    def submit(self, arg: A) -> None:
        seq = self._submitted
        worker = self._workers[seq % len(self._workers)]
        blob = pickle.dumps((seq, arg), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            worker.tasks.send_bytes(blob)
        except OSError as exc:  # the worker is gone (EPIPE)
            raise self._died(worker, seq) from exc
        self._submitted += 1

    def result(self) -> R:
        """The result of the oldest argument whose result was not taken yet (waits for it)."""
        if self._taken >= self._submitted:
            raise RuntimeError("no argument in flight")
        seq = self._taken
        worker = self._workers[seq % len(self._workers)]
        try:
            got, ok, value = pickle.loads(worker.results.recv_bytes())
        except (EOFError, OSError) as exc:
            raise self._died(worker, seq) from exc
        if got != seq:  # cannot happen: a worker answers its arguments in order
            raise RuntimeError(f"read-ahead out of order: result {got}, expected {seq}")
        self._taken += 1
        if not ok:
            raise RuntimeError(f"read-ahead worker failed: {value}")
        return value  # type: ignore[no-any-return]

    def _died(self, worker: _Worker, seq: int) -> WorkerDied:
        worker.process.join(timeout=5)
        at = worker.working_on.value
        return WorkerDied(seq, None if at == _IDLE else int(at), worker.process.exitcode)

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers and reap them. ``abort``: at once (SIGTERM, then SIGKILL), whatever they
        are doing; else they finish what they were given (nothing, when every result was taken) and
        exit."""
        abort = abort or self.in_flight > 0
        for w in self._workers:
            w.tasks.close()  # end of file: a worker exits after its last argument
        for w in self._workers:
            if abort:
                w.process.terminate()
            w.process.join(timeout=1 if abort else 30)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.results.close()
        self._workers = []

    def __enter__(self) -> ReadAhead[A, R]:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.close(abort=exc_type is not None)


def _serve(
    fn: Callable[[Any], Any],
    tasks: Connection,
    results: Connection,
    not_mine: list[Connection],
    working_on: Any,
    parent: int,
    orphaned: Callable[[], None] | None,
) -> None:
    """A worker's life: arguments from ``tasks`` (until end of file), results to ``results``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for conn in not_mine:
        conn.close()
    # what was inherited stays out of the collector's passes (and its pages unwritten: shared)
    gc.freeze()
    inbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def receive() -> None:
        try:
            while True:
                inbox.put(tasks.recv_bytes())
        except (EOFError, OSError):  # the parent closed its end, or is gone
            inbox.put(None)

    def gone() -> None:  # the parent is gone: nobody wants the rest
        if orphaned is not None and os.getppid() != parent:
            with contextlib.suppress(Exception):
                orphaned()
        os._exit(0)

    def send() -> None:
        while (blob := outbox.get()) is not None:
            try:
                results.send_bytes(blob)
            except OSError:
                gone()

    threading.Thread(target=receive, name="readahead-receive", daemon=True).start()
    sender = threading.Thread(target=send, name="readahead-send", daemon=True)
    sender.start()
    while (task := inbox.get()) is not None:
        seq, arg = pickle.loads(task)
        working_on.value = seq
        try:
            out: tuple[int, bool, Any] = (seq, True, fn(arg))
        except Exception:  # noqa: BLE001 - fn is meant to catch its own; said to the parent
            out = (seq, False, traceback.format_exc())
        try:
            blob = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a result that cannot be pickled
            blob = pickle.dumps((seq, False, traceback.format_exc()), protocol=pickle.HIGHEST_PROTOCOL)
        del out
        working_on.value = _IDLE
        outbox.put(blob)
    outbox.put(None)
    sender.join()
    if os.getppid() != parent:  # end of file because the parent died, not because it closed the pipe
        gone()
