"""Lint many files on a pool of worker processes, reporting in the order of a serial run.

Files are grouped into chunks (a few files, or a few hundred kilobytes) that workers lint
with their own :class:`~newslint.app.Linter`; results come back in submission order and
at most a few chunks run ahead of the one being reported, so memory stays bounded by
the chunks in flight, not by the run. On Linux the workers are forked from the parent
and inherit its loaded rules; elsewhere each builds its linter with ``factory``.

Small runs stay in one process: starting workers costs more than it saves.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newslint.app import FileResult, Linter
from newslint.cache import ResultCache, check_file_cached
from newslint.diagnostics import Applicability
from newslint.timing import RuleTimer, TimerSnapshot

if TYPE_CHECKING:  # a run that needs no pool never imports them (~30 ms of start-up)
    import multiprocessing.context
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

MIN_PARALLEL_BYTES = 64 * 1024  # below this a pool's start-up outweighs the gain
CHUNK_BYTES = 256 * 1024
CHUNK_FILES = 64

T = TypeVar("T")
R = TypeVar("R")
LinterFactory = Callable[[], Linter]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class FileJob:
    """What to do with every file of a run."""

    fix: Applicability | None = None
    diff: bool = False
    cache: ResultCache | None = None
    timing: bool = False


Task = tuple[Path, str]  # (path, display name)
_worker_linter: Linter | None = None


def check_paths(
    linter: Linter,
    tasks: Sequence[Task],
    job: FileJob,
    *,
    jobs: int,
    factory: LinterFactory,
) -> Iterator[FileResult]:
    """Yield a result per task, in order; in parallel when ``jobs`` > 1 and the run is big enough.

    With a cache, files it already holds are answered here in the parent (a read and a
    hash each) and only the others go to the pool, which is not started at all when
    nearly everything is cached: the pre-commit re-run case.
    """
    if jobs > 1 and len(tasks) > 1 and job.cache is not None:
        cache = job.cache
        misses = [i for i, (path, _display) in enumerate(tasks) if not cache.has_entry(linter, path)]
    else:
        misses = list(range(len(tasks)))
    pending = [tasks[i] for i in misses]
    if jobs <= 1 or len(pending) < 2 or _total_size(pending) < MIN_PARALLEL_BYTES:
        for path, display in tasks:
            yield check_file_cached(linter, job.cache, path, display, fix=job.fix, diff=job.diff)
        return
    global _worker_linter
    _worker_linter = linter  # inherited by forked workers
    context = pool_context()
    with _pool_class()(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(factory,)
    ) as pool:
        pooled = _pooled(linter, pool, pending, job, jobs)
        missed = set(misses)
        for index, (path, display) in enumerate(tasks):
            if index in missed:
                yield next(pooled)
            else:  # a hit (or, if the entry went bad meanwhile, linted here)
                yield check_file_cached(linter, job.cache, path, display, fix=job.fix, diff=job.diff)


def _pool_class() -> type[ProcessPoolExecutor]:
    pool_class: type[ProcessPoolExecutor] = globals().get("ProcessPoolExecutor") or __getattr__(
        "ProcessPoolExecutor"
    )
    return pool_class


def __getattr__(name: str) -> type[ProcessPoolExecutor]:
    """``ProcessPoolExecutor``, imported on first use (and kept, so it can be replaced in tests)."""
    if name != "ProcessPoolExecutor":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from concurrent.futures import ProcessPoolExecutor

    globals()[name] = ProcessPoolExecutor
    return ProcessPoolExecutor


def _pooled(
    linter: Linter, pool: ProcessPoolExecutor, tasks: Sequence[Task], job: FileJob, jobs: int
) -> Iterator[FileResult]:
    for results, timings in ordered_map(pool, _check_chunk, _chunks(tasks, job), window=4 * jobs):
        if timings is not None and linter.timer is not None:
            linter.timer.merge(timings)
        yield from results


def pool_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe and cheap (Linux): workers start with the rules already loaded."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def ordered_map(executor: Executor, fn: Callable[[T], R], items: Iterable[T], *, window: int) -> Iterator[R]:
    """Like ``executor.map`` but with at most ``window`` tasks in flight, so memory stays bounded."""
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _total_size(tasks: Sequence[Task]) -> int:
    total = 0
    for path, _display in tasks:
        try:
            total += path.stat().st_size
        except OSError:
            continue
        if total >= MIN_PARALLEL_BYTES:
            break
    return total


def _chunks(tasks: Sequence[Task], job: FileJob) -> Iterator[tuple[list[Task], FileJob]]:
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        with contextlib.suppress(OSError):
            size += task[0].stat().st_size
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk, job
            chunk, size = [], 0
    if chunk:
        yield chunk, job


def _init_worker(factory: LinterFactory) -> None:
    global _worker_linter
    if _worker_linter is None:  # spawned, not forked: build the linter here
        _worker_linter = factory()


def _check_chunk(work: tuple[list[Task], FileJob]) -> tuple[list[FileResult], TimerSnapshot | None]:
    tasks, job = work
    linter = _worker_linter
    assert linter is not None, "worker used before _init_worker"
    linter.timer = RuleTimer() if job.timing else None
    results = [
        portable(check_file_cached(linter, job.cache, path, display, fix=job.fix, diff=job.diff))
        for path, display in tasks
    ]
    return results, linter.timer.snapshot() if linter.timer is not None else None


def portable(result: FileResult) -> FileResult:
    """Drop the document's cached structure before sending it to the parent process.

    Only the line starts travel with it (a list of ints): the parent needs them to turn
    offsets into line:column for the report, and would otherwise recompute them serially.
    """
    document = result.document
    if document is None:
        return result
    copy = replace(document)
    if result.findings:
        copy.__dict__["line_starts"] = document.line_starts  # a cached_property's slot
    return replace(result, document=copy)
