"""``newslint corpus``: lint every record of a JSON Lines or Parquet corpus, streaming.

Input is read in batches of records (never the whole corpus), batches are linted on a
process pool with a bounded number in flight, and findings are written as JSON Lines in
input order, one object per finding. A per-category summary table goes to standard
error, with a progress bar when standard error is a terminal. ``--engine dask`` runs the
same work on a Dask cluster (see :mod:`newslint.corpus_dask`).

Each output object carries the record's ``id`` (from ``--id-field``, else null), its
``record`` number (0-based line of a JSON Lines file, row of a Parquet file) and, when
several inputs are given, its ``source`` file; then the finding's ``code``, ``rule``,
``category``, ``severity``, ``message``, ``line``, ``column``, ``start``, ``end`` and
``fix``, as ``--format json`` has them. A record that is not valid JSON, or whose text
field is missing or not a string, becomes one ``NL901`` finding; the run goes on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from newslint.config import Config, find_config_file, parse_config
from newslint.diagnostics import Category, Finding, Severity
from newslint.document import Document
from newslint.errors import ConfigError, InputError, NewslintError

BATCH_RECORDS = 256
BATCH_BYTES = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_SUFFIXES = (".parquet", ".pq")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


# -- settings a worker needs to build its linter ----------------------------------------


@dataclass(frozen=True)
class CorpusSettings:
    """Everything that decides the findings, in a form that pickles to any worker.

    The configuration travels as its TOML table (as JSON text, so the settings hash), not
    as a path, so workers on other machines need no copy of the file. It is also the
    linter's config transform.
    """

    text_field: str = "text"
    id_field: str = "id"
    config_json: str | None = None
    config_where: str = "command line"
    config_root: str = "."
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    blocked: tuple[str, ...] = ()
    several_sources: bool = False

    def __call__(self, _config: Config) -> Config:
        root = Path(self.config_root)
        config = (
            parse_config(json.loads(self.config_json), where=self.config_where, root=root)
            if self.config_json is not None
            else Config(root=root)
        )
        return replace(
            config,
            select=self.select if self.select is not None else config.select,
            extend_select=(*config.extend_select, *self.extend_select),
            ignore=(*config.ignore, *self.ignore),
        )


def read_config_data(path: Path | None, isolated: bool) -> tuple[Mapping[str, Any] | None, str, str]:
    """Return (TOML table, where, root) of the configuration a corpus run uses."""
    if isolated:
        return None, "command line", str(Path.cwd())
    found = path or find_config_file(Path.cwd())
    if found is None:
        return None, "command line", str(Path.cwd())
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{found}: cannot read: {exc}") from None
    if found.name == "pyproject.toml":
        return (
            data.get("tool", {}).get("newslint", {}),
            f"{found}: [tool.newslint]",
            str(found.parent.resolve()),
        )
    return data, f"{found}:", str(found.parent.resolve())


_LINTERS: dict[CorpusSettings, Any] = {}


def linter_for(settings: CorpusSettings) -> Any:
    """One linter per worker process and settings, built on first use."""
    if settings not in _LINTERS:
        from newslint.app import Linter

        _LINTERS[settings] = Linter(isolated=True, transform=settings, blocked=settings.blocked)
    return _LINTERS[settings]


# -- reading -----------------------------------------------------------------------------

Record = tuple[int, bytes | tuple[Any, Any]]  # (record number, JSON line or (id, text))


@dataclass
class Batch:
    """Records to lint together, and where they came from."""

    source: str
    records: list[Record] = field(default_factory=list)
    size: int = 0  # bytes of input read for them


def input_kind(path: str) -> str:
    if path.lower().endswith(PARQUET_SUFFIXES):
        return "parquet"
    if path == "-":
        return "jsonl"
    with open(path, "rb") as handle:
        return "jsonl.gz" if handle.read(2) == GZIP_MAGIC else "jsonl"


def open_lines(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes it
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    raw.seek(0)
    return raw


def jsonl_batches(
    stream: IO[bytes], source: str, start_record: int = 0, limit: int | None = None
) -> Iterator[Batch]:
    """Batches of raw lines; blank lines are skipped but keep their numbers."""
    batch = Batch(source)
    number = start_record
    consumed = 0
    for line in stream:
        consumed += len(line)
        if line.strip():
            batch.records.append((number, line))
            batch.size += len(line)
            if len(batch.records) >= BATCH_RECORDS or batch.size >= BATCH_BYTES:
                yield batch
                batch = Batch(source)
        number += 1
        if limit is not None and consumed >= limit:
            break
    if batch.records:
        yield batch


def parquet_batches(
    path: str, text_field: str, id_field: str, row_groups: Sequence[int] | None = None, first_row: int = 0
) -> Iterator[Batch]:
    """Batches of (id, text) read column-wise, a record batch at a time."""
    parquet = _pyarrow_parquet()
    reader = parquet.ParquetFile(path)
    names = set(reader.schema_arrow.names)
    if text_field not in names:
        raise InputError(f"{path}: no column {text_field!r} (columns: {', '.join(sorted(names))})")
    columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    number = first_row
    for table in reader.iter_batches(batch_size=BATCH_RECORDS, columns=columns, row_groups=row_groups):
        texts = table.column(text_field).to_pylist()
        ids = table.column(id_field).to_pylist() if id_field in columns else [None] * len(texts)
        batch = Batch(path)
        for doc_id, text in zip(ids, texts, strict=True):
            batch.records.append((number, (doc_id, text)))
            batch.size += len(text.encode("utf-8")) if isinstance(text, str) else 0
            number += 1
        yield batch


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet
    except ImportError:
        raise InputError("Reading Parquet needs pyarrow", hint="pip install 'newslint[parquet]'") from None
    return pyarrow.parquet


def read_batches(paths: Sequence[str], settings: CorpusSettings) -> Iterator[Batch]:
    for path in paths:
        if input_kind(path) == "parquet":
            yield from parquet_batches(path, settings.text_field, settings.id_field)
        else:
            with open_lines(path) as stream:
                yield from jsonl_batches(stream, path)


# -- linting -----------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for the summary table; adds up across batches, processes and machines."""

    records: int = 0
    bytes: int = 0
    findings: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [findings, records]

    def add(self, other: Tally) -> None:
        self.records += other.records
        self.bytes += other.bytes
        self.findings += other.findings
        for category, (found, records) in other.by_category.items():
            counts = self.by_category.setdefault(category, [0, 0])
            counts[0] += found
            counts[1] += records


def lint_batch(batch: Batch, settings: CorpusSettings) -> tuple[str, Tally]:
    """Lint a batch of records; return its output lines (one string) and its tally."""
    linter = linter_for(settings)
    out: list[str] = []
    tally = Tally(records=len(batch.records), bytes=batch.size)
    source = batch.source if settings.several_sources else None
    for number, raw in batch.records:
        doc_id, text, error = _unpack(raw, settings)
        if error is not None:
            findings = [_record_error(error)]
            document = None
        else:
            assert text is not None
            findings = linter.lint_text(text)
            document = Document(text=text)  # positions depend on the text alone
        categories: dict[str, int] = {}
        for finding in findings:
            out.append(
                json.dumps(_finding_record(doc_id, number, source, document, finding), ensure_ascii=False)
            )
            categories[finding.category.value] = categories.get(finding.category.value, 0) + 1
        tally.findings += len(findings)
        for category, count in categories.items():
            counts = tally.by_category.setdefault(category, [0, 0])
            counts[0] += count
            counts[1] += 1
    return "".join(line + "\n" for line in out), tally


def _unpack(raw: bytes | tuple[Any, Any], settings: CorpusSettings) -> tuple[Any, str | None, str | None]:
    """Return (id, text, error) for one record."""
    if isinstance(raw, tuple):
        doc_id, text = raw
    else:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            return None, None, f"Not a JSON object: {exc}"
        if not isinstance(data, dict):
            return None, None, f"Not a JSON object: a {type(data).__name__}"
        doc_id, text = data.get(settings.id_field), data.get(settings.text_field)
        if settings.text_field not in data:
            return doc_id, None, f"No {settings.text_field!r} field"
    if not isinstance(text, str):
        return doc_id, None, f"Field {settings.text_field!r} is not a string"
    return doc_id, text, None


def _record_error(message: str) -> Finding:
    return Finding(
        code="NL901",
        rule="unreadable-record",
        category=Category.ERROR,
        severity=Severity.ERROR,
        span=None,
        message=message,
    )


def _finding_record(
    doc_id: Any, number: int, source: str | None, document: Document | None, finding: Finding
) -> dict[str, Any]:
    item: dict[str, Any] = {"id": doc_id, "record": number}
    if source is not None:
        item["source"] = source
    span = finding.span
    start = document.position(span.start) if document is not None and span is not None else None
    fix = finding.fix
    item.update(
        code=finding.code,
        rule=finding.rule,
        category=finding.category.value,
        severity=finding.severity.label,
        message=finding.message,
        line=start.line if start else None,
        column=start.column if start else None,
        start=span.start if span else None,
        end=span.end if span else None,
        fix=None
        if fix is None
        else {
            "applicability": fix.applicability.label,
            "title": fix.title,
            "edits": [{"start": e.span.start, "end": e.span.end, "content": e.content} for e in fix.edits],
        },
    )
    return item


def _lint_batch_task(work: tuple[Batch, CorpusSettings]) -> tuple[str, Tally]:
    return lint_batch(*work)


def run_local(
    paths: Sequence[str], settings: CorpusSettings, out: TextIO, jobs: int, progress: Progress | None
) -> Tally:
    """Lint the corpus on this machine; memory is bounded by the batches in flight."""
    total = Tally()
    batches = read_batches(paths, settings)
    if jobs <= 1:
        results: Iterator[tuple[str, Tally]] = (lint_batch(b, settings) for b in batches)
        return _drain(results, out, total, progress)
    from concurrent.futures import ProcessPoolExecutor

    from newslint.parallel import ordered_map, pool_context

    with ProcessPoolExecutor(max_workers=jobs, mp_context=pool_context()) as pool:
        work = ((batch, settings) for batch in batches)
        return _drain(ordered_map(pool, _lint_batch_task, work, window=2 * jobs), out, total, progress)


def _drain(
    results: Iterator[tuple[str, Tally]], out: TextIO, total: Tally, progress: Progress | None
) -> Tally:
    for lines, tally in results:
        out.write(lines)
        total.add(tally)
        if progress is not None:
            progress.update(total)
    return total


# -- reporting ---------------------------------------------------------------------------


class Progress:
    """A one-line progress display on a terminal: records, megabytes, speed, percentage."""

    def __init__(self, stream: TextIO, total_bytes: int | None) -> None:
        self.stream = stream
        self.total_bytes = total_bytes
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, tally: Tally, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.shown < 0.2:
            return
        self.shown = now
        elapsed = max(now - self.started, 1e-9)
        megabytes = tally.bytes / 1e6
        line = f"{tally.records:,} records  {megabytes:,.1f} MB  {megabytes / elapsed:.2f} MB/s"
        if self.total_bytes:
            fraction = min(tally.bytes / self.total_bytes, 1.0)
            filled = int(fraction * 30)
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%}  " + line
        self.stream.write("\r" + line + ("\n" if final else ""))
        self.stream.flush()


def summary_table(tally: Tally, seconds: float) -> str:
    """The per-category table printed after a run."""
    rows = sorted(tally.by_category.items(), key=lambda item: (-item[1][0], item[0]))
    lines = [f"{'category':<18} {'findings':>10} {'records':>10} {'% records':>10}"]
    for category, (found, records) in rows:
        share = records / tally.records * 100 if tally.records else 0.0
        lines.append(f"{category:<18} {found:>10,} {records:>10,} {share:>9.1f}%")
    lines.append(f"{'total':<18} {tally.findings:>10,} {tally.records:>10,}")
    speed = tally.bytes / 1e6 / seconds if seconds > 0 else 0.0
    lines.append(
        f"Linted {tally.records:,} records ({tally.bytes / 1e6:,.1f} MB) in {seconds:.1f} s ({speed:.2f} MB/s)."
    )
    return "\n".join(lines) + "\n"


# -- command line --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from newslint.cli import _codes

    parser = argparse.ArgumentParser(
        prog="newslint corpus",
        description="Lint every record of a JSON Lines (optionally gzip) or Parquet corpus.",
        epilog="Exit status: 0 no findings, 1 findings, 2 usage or configuration error.",
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".jsonl, .jsonl.gz or .parquet; - is stdin"
    )
    parser.add_argument("--text-field", default="text", metavar="NAME", help="the field holding the article")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="the field identifying a record")
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="PATH",
        help="findings as JSON Lines (default: stdout); with --engine dask, a folder of part files",
    )
    parser.add_argument("--select", type=_codes, action="extend", metavar="CODES")
    parser.add_argument("--extend-select", type=_codes, action="extend", default=[], metavar="CODES")
    parser.add_argument("--ignore", type=_codes, action="extend", default=[], metavar="CODES")
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="use this newslint.toml or pyproject.toml"
    )
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--no-plugin", action="append", default=[], metavar="NAME")
    parser.add_argument("-j", "--jobs", type=int, metavar="N", help="worker processes (default: cores)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    parser.add_argument(
        "--blocksize",
        default="64MB",
        metavar="SIZE",
        help="with --engine dask, split uncompressed JSON Lines into parts of this size",
    )
    parser.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress bar on stderr (auto: only on a terminal)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary table")
    return parser


def settings_from_args(args: argparse.Namespace) -> CorpusSettings:
    data, where, root = read_config_data(args.config, args.isolated)
    return CorpusSettings(
        text_field=args.text_field,
        id_field=args.id_field,
        config_json=json.dumps(data, default=str) if data is not None else None,
        config_where=where,
        config_root=root,
        select=tuple(args.select) if args.select is not None else None,
        extend_select=tuple(args.extend_select),
        ignore=tuple(args.ignore),
        blocked=tuple(args.no_plugin),
        several_sources=len(args.inputs) > 1,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except NewslintError as exc:
        hint = f"\n  hint: {exc.hint}" if exc.hint else ""
        sys.stderr.write(f"newslint corpus: error: {exc}{hint}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("newslint corpus: interrupted\n")
        return 130


def _run(args: argparse.Namespace) -> int:
    for path in args.inputs:
        if path != "-" and not os.path.isfile(path):
            raise InputError(f"{path}: no such file")
    settings = settings_from_args(args)
    linter_for(settings).config_for(None)  # validate the selection and configuration up front
    from newslint.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    started = time.monotonic()
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    total_bytes = sum(os.path.getsize(p) for p in args.inputs if p != "-")
    progress = Progress(sys.stderr, total_bytes or None) if show else None
    if args.engine == "dask":
        from newslint.corpus_dask import run_dask

        if args.output == "-":
            raise ConfigError("--engine dask writes a folder of part files: give it with --output")
        tally = run_dask(args.inputs, settings, Path(args.output), args.scheduler, args.blocksize, jobs)
    elif args.output == "-":
        tally = run_local(args.inputs, settings, sys.stdout, jobs, progress)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            tally = run_local(args.inputs, settings, out, jobs, progress)
    if progress is not None:
        progress.update(tally, final=True)
    if not args.quiet:
        sys.stderr.write(summary_table(tally, time.monotonic() - started))
    return EXIT_FINDINGS if tally.findings else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
