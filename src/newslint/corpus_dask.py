"""``newslint corpus --engine dask``: the corpus run spread over a Dask cluster.

The input is cut into partitions: byte ranges of uncompressed JSON Lines (split at line
boundaries), whole gzip files (they cannot be split), and groups of Parquet row groups.
Each partition is one task that reads its part, lints it with a linter built once per
worker process, writes ``part-NNNNN.jsonl`` into the output folder and returns its tally.
Concatenating the parts in name order gives exactly the output of a single-process run.

Workers read the input and write the output by path, so on a real cluster both must be
on storage every worker sees (a shared or network filesystem) at the same path.
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.config import parse_size
from newslint.corpus import (
    CorpusSettings,
    Tally,
    _pyarrow_parquet,
    input_kind,
    jsonl_batches,
    lint_batch,
    open_lines,
    parquet_batches,
)
from newslint.errors import ConfigError, InputError

PARQUET_ROWS_PER_PART = 20_000


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's share of the input."""

    index: int
    path: str
    kind: str  # "jsonl", "jsonl.gz" or "parquet"
    start: int = 0  # byte range of a JSON Lines file
    end: int | None = None
    first_record: int = 0
    row_groups: tuple[int, ...] = ()


def _client(scheduler: str | None, jobs: int) -> Any:
    try:
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        raise InputError("--engine dask needs Dask", hint="pip install 'newslint[dask]'") from None
    if scheduler:
        return distributed.Client(scheduler), None
    cluster = distributed.LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
    )
    return distributed.Client(cluster), cluster


def plan(paths: Sequence[str], blocksize: int, client: Any) -> list[Partition]:
    """Cut the inputs into partitions, numbering records as a single-process run does."""
    parts: list[Partition] = []
    for path in paths:
        if path == "-":
            raise InputError("--engine dask cannot read standard input: give a file")
        kind = input_kind(path)
        if kind == "parquet":
            parts.extend(_parquet_parts(path, len(parts)))
        elif kind == "jsonl.gz":
            parts.append(Partition(len(parts), path, kind))
        else:
            ranges = _line_ranges(path, blocksize)
            # Record numbers continue across ranges: count each range's lines on the cluster.
            counts = client.gather(client.map(_count_lines, [path] * len(ranges), ranges, pure=False))
            first = 0
            for (start, end), count in zip(ranges, counts, strict=True):
                parts.append(Partition(len(parts), path, kind, start, end, first))
                first += count
    return parts


def _line_ranges(path: str, blocksize: int) -> list[tuple[int, int]]:
    size = os.path.getsize(path)
    bounds = [0]
    with open(path, "rb") as handle:
        while bounds[-1] + blocksize < size:
            handle.seek(bounds[-1] + blocksize)
            handle.readline()  # move to the start of the next line
            position = handle.tell()
            if position >= size:
                break
            bounds.append(position)
    bounds.append(size)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a] or [(0, 0)]


def _count_lines(path: str, span: tuple[int, int]) -> int:
    start, end = span
    count = 0
    with open(path, "rb") as handle:
        handle.seek(start)
        remaining = end - start
        while remaining > 0:
            chunk = handle.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
            count += chunk.count(b"\n")
        if end > start:  # a last line without a final newline is a line too
            handle.seek(end - 1)
            if handle.read(1) != b"\n":
                count += 1
    return count


def _parquet_parts(path: str, offset: int) -> list[Partition]:
    metadata = _pyarrow_parquet().ParquetFile(path).metadata
    parts: list[Partition] = []
    groups: list[int] = []
    rows = first = 0
    for group in range(metadata.num_row_groups):
        groups.append(group)
        rows += metadata.row_group(group).num_rows
        if rows >= PARQUET_ROWS_PER_PART or group == metadata.num_row_groups - 1:
            parts.append(
                Partition(offset + len(parts), path, "parquet", first_record=first, row_groups=tuple(groups))
            )
            first += rows
            groups, rows = [], 0
    return parts


def lint_partition(part: Partition, settings: CorpusSettings, output: str) -> Tally:
    """Lint one partition into ``output/part-NNNNN.jsonl``; runs on a worker."""
    total = Tally()
    target = Path(output) / f"part-{part.index:05d}.jsonl"
    temp = target.with_name(f".{target.name}.tmp")
    with open(temp, "w", encoding="utf-8", newline="\n") as out:
        if part.kind == "parquet":
            batches = parquet_batches(
                part.path, settings.text_field, settings.id_field, list(part.row_groups), part.first_record
            )
            for batch in batches:
                lines, tally = lint_batch(batch, settings)
                out.write(lines)
                total.add(tally)
        else:
            with open_lines(part.path) as stream:
                limit = None
                if part.kind == "jsonl":
                    stream.seek(part.start)
                    limit = (part.end or 0) - part.start
                if limit != 0:
                    for batch in jsonl_batches(stream, part.path, part.first_record, limit):
                        lines, tally = lint_batch(batch, settings)
                        out.write(lines)
                        total.add(tally)
    os.replace(temp, target)
    return total


def run_dask(
    paths: Sequence[str],
    settings: CorpusSettings,
    output: Path,
    scheduler: str | None,
    blocksize: str,
    jobs: int,
) -> Tally:
    """Plan, run every partition on the cluster and add up the tallies."""
    size = parse_size(blocksize, "--blocksize")
    output.mkdir(parents=True, exist_ok=True)
    stale = sorted(output.glob("part-*.jsonl"))
    if stale:
        raise ConfigError(
            f"{output} already holds part files ({stale[0].name}); remove them or pick a new folder"
        )
    client, cluster = _client(scheduler, jobs)
    try:
        parts = plan(paths, size, client)
        futures = client.map(
            lint_partition, parts, settings=settings, output=str(output.resolve()), pure=False
        )
        total = Tally()
        for tally in client.gather(futures):
            total.add(tally)
        return total
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
