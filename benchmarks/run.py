"""Benchmark newslint against a word-count baseline and proselint; write benchmarks/RESULTS.md.

Usage (from the repository root, after ``bash benchmarks/setup.sh``)::

    .venv/bin/python benchmarks/run.py                 # 1, 10 and 100 MB (the 100 MB run takes minutes)
    .venv/bin/python benchmarks/run.py --sizes 1,10    # quicker, while developing

Every figure comes from separate processes run in this one invocation, so ratios compare
like with like on the same machine at the same time. Each process's CPU time (user + system,
from ``wait4``) is reported beside its wall time: on a shared machine the wall time moves
with other people's load, the CPU time much less. Peak memory is the largest resident set
of the process or any of its workers.

What is measured, on the deterministic corpus of ``benchmarks/generate.py``:

- baseline: a Python process that reads every article file and counts its words
  (``len(text.split())``), the cheapest useful pass over the same bytes;
- ``newslint --no-cache -q --jobs 1`` and ``--jobs 2`` over the corpus folder (default rules);
- ``newslint corpus`` over the same articles as JSON Lines (``--jobs 1``);
- a second ``newslint`` run with the cache warm (the pre-commit case);
- proselint (``proselint check``) on the 1 MB corpus, from ``benchmarks/.venv``;
- start-up: ``newslint --version`` and one small article, median of 15 runs, bytecode compiled;
- ``--timing`` on the 10 MB corpus (or the largest below it): the slowest rules.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTES = HERE / "NOTES.md"
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

NEWSLINT = Path(sys.executable).with_name("newslint")
PROSELINT = HERE / ".venv" / "bin" / "proselint"
SMALL_ARTICLE = ROOT / "examples" / "damaged-article.txt"
WORDCOUNT = """
import os, sys
words = files = 0
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        with open(os.path.join(root, name), encoding="utf-8") as handle:
            words += len(handle.read().split())
        files += 1
print(files, words)
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str


def measure(argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run a command; return wall time, CPU time and peak RSS of it and its children.

    The peak comes from GNU time wrapped around the command: ``ru_maxrss`` of a child
    forked from this (large) process would count this process's own pages until exec.
    Standard output is counted in lines (findings), not kept.
    """
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile() as peak,
    ):
        wrapped = (
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *argv] if Path("/usr/bin/time").exists() else argv
        )
        started = time.perf_counter()
        process = subprocess.Popen(wrapped, stdout=out, stderr=err, env=env, cwd=cwd)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: out.read(1 << 20), b""))
        try:
            peak_kib = int(Path(peak.name).read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            peak_kib = usage.ru_maxrss
        return Run(
            wall,
            usage.ru_utime + usage.ru_stime,
            peak_kib / 1024,
            process.returncode,
            str(lines),
            err.read().decode("utf-8", "replace"),
        )


def corpus_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return (
        f"{model}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; load average at start {load[0]:.2f} (shared machine)"
    )


def rules_present() -> list[str]:
    out = subprocess.run([str(NEWSLINT), "--isolated", "--show-rules"], capture_output=True, text=True).stdout
    return [
        line.split()[0] for line in out.splitlines() if line[:1].isupper() and line.split()[0][-3:].isdigit()
    ]


Startup = tuple[float, float]  # median wall ms, median CPU ms


def startup(env: dict[str, str]) -> tuple[Startup, Startup, Startup]:
    """Python itself, ``newslint --version`` and one small article: median of 15 runs each."""
    # Compile bytecode once, as an installed wheel has it, then time the warm start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "newslint")], check=False)

    def median(argv: list[str]) -> Startup:
        runs = [measure(argv, env=env) for _ in range(15)]
        return statistics.median(r.wall for r in runs) * 1000, statistics.median(r.cpu for r in runs) * 1000

    return (
        median([sys.executable, "-c", "pass"]),
        median([str(NEWSLINT), "--version"]),
        median([str(NEWSLINT), "--no-cache", str(SMALL_ARTICLE)]),
    )


def proselint_run(folder: Path, env: dict[str, str]) -> Run | None:
    if not PROSELINT.exists():
        return None
    return measure([str(PROSELINT), "check", "-o", "compact", str(folder)], env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark newslint; write benchmarks/RESULTS.md")
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--data", type=Path, default=HERE / ".data")
    parser.add_argument(
        "--full-up-to",
        type=int,
        default=100,
        metavar="MB",
        help="on larger corpora run only the baseline, --jobs 1 and corpus mode (saves time)",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # measure newslint itself, not installed plugins

    header = machine()
    rules = rules_present()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    rows = []
    timing = ""
    for size in sizes:
        folder, jsonl = generate(args.data, size)
        files, nbytes = corpus_stats(folder)
        mb = nbytes / 1e6
        print(f"{size} MB: {files} articles, {mb:.2f} MB", flush=True)
        base = measure([sys.executable, "-c", WORDCOUNT, str(folder)], env=env)
        serial = measure([str(NEWSLINT), "--no-cache", "-q", "--jobs", "1", str(folder)], env=env)
        if serial.code not in (0, 1):
            raise SystemExit(f"newslint failed: {serial.stderr}")
        full = size <= args.full_up_to
        pooled = (
            measure([str(NEWSLINT), "--no-cache", "-q", "--jobs", "2", str(folder)], env=env)
            if full
            else None
        )
        streamed = measure([str(NEWSLINT), "corpus", str(jsonl), "-q", "-j", "1", "-o", os.devnull], env=env)
        warm = None
        if full:
            with tempfile.TemporaryDirectory() as cache:
                cached_env = {**env, "NEWSLINT_CACHE_DIR": cache}
                measure([str(NEWSLINT), "-q", str(folder)], env=cached_env)
                warm = measure([str(NEWSLINT), "-q", str(folder)], env=cached_env)
        prose = proselint_run(folder, env) if size == min(sizes) else None
        findings = int(serial.stdout)
        rows.append((size, files, mb, base, serial, pooled, streamed, warm, prose, findings))
        print(
            f"  baseline {base.cpu:.2f}s cpu; newslint j1 {serial.wall:.2f}s wall {serial.cpu:.2f}s cpu "
            f"{serial.peak_mb:.0f} MB; corpus {streamed.cpu:.2f}s cpu {streamed.peak_mb:.0f} MB"
            + (f"; j2 {pooled.wall:.2f}s wall {pooled.cpu:.2f}s cpu" if pooled else "")
            + (f"; warm cache {warm.wall:.2f}s wall {warm.cpu:.2f}s cpu" if warm else "")
            + (f"; proselint {prose.cpu:.1f}s cpu" if prose else ""),
            flush=True,
        )
    timing_size = max([s for s in sizes if s <= 10] or sizes)
    timing_run = measure(
        [
            str(NEWSLINT),
            "--no-cache",
            "-q",
            "--jobs",
            "1",
            "--timing",
            str(args.data / f"corpus-{timing_size}MB"),
        ],
        env=env,
    )
    timing = timing_run.stderr
    python_ms, version_ms, article_ms = startup(env)
    print(f"start-up (wall, cpu ms): python {python_ms}, --version {version_ms}, one article {article_ms}")
    results = report(
        header, commit.stdout.strip(), rules, rows, timing, timing_size, python_ms, version_ms, article_ms
    )
    if NOTES.is_file():  # the engineers' reading of the figures, kept across runs
        results += "\n" + NOTES.read_text(encoding="utf-8")
    args.out.write_text(results, encoding="utf-8")
    (args.data / "last-run.json").write_text(
        json.dumps(
            [
                {
                    "size_mb": size,
                    "articles": files,
                    "mb": mb,
                    **{
                        name: vars(run) | {"stdout": "", "stderr": ""}
                        for name, run in zip(
                            ("baseline", "serial", "jobs2", "corpus", "warm_cache", "proselint"),
                            (base, serial, pooled, streamed, warm, prose),
                            strict=True,
                        )
                        if run is not None
                    },
                }
                for size, files, mb, base, serial, pooled, streamed, warm, prose, _findings in rows
            ],
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"wrote {args.out}")


def report(
    header: str,
    commit: str,
    rules: list[str],
    rows: list[tuple],
    timing: str,
    timing_size: int,
    python_ms: Startup,
    version_ms: Startup,
    article_ms: Startup,
) -> str:
    lines = [
        "# newslint benchmark results",
        "",
        f"Generated by `.venv/bin/python benchmarks/run.py --sizes {','.join(str(r[0]) for r in rows)}` "
        f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit `{commit}`.",
        "",
        f"- Machine: {header}.",
        f"- Rules present ({len(rules)}, default selection, no LanguageTool): {', '.join(rules)}.",
        "- Corpus: `benchmarks/generate.py` (seed 7) from `examples/` and `tests/golden/**`;"
        " sizes are bytes of article text (1 MB = 10^6 bytes).",
        "- MB/s per core = corpus MB / CPU seconds (user + system) of the run, which is what the"
        " 2 MB/s-per-core target means; wall-clock MB/s is shown beside it.",
        "",
        "## Throughput",
        "",
        "| corpus | articles | run | wall s | CPU s | MB/s per core | MB/s wall | articles/s wall | peak RSS MB | vs baseline (CPU) |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, files, mb, base, serial, pooled, streamed, warm, prose, _findings in rows:
        for name, run in (
            ("word-count baseline", base),
            ("newslint --jobs 1", serial),
            ("newslint --jobs 2", pooled),
            ("newslint corpus (JSONL, -j 1)", streamed),
            ("newslint, warm cache", warm),
            ("proselint", prose),
        ):
            if run is None:
                continue
            lines.append(
                f"| {size} MB | {files} | {name} | {run.wall:.2f} | {run.cpu:.2f} | {mb / run.cpu:.2f} | "
                f"{mb / run.wall:.2f} | {files / run.wall:.0f} | {run.peak_mb:.0f} | {run.cpu / base.cpu:.1f}x |"
            )
    end_load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    lines.append("")
    lines.append(
        f"Load average at the end of the run: {end_load:.2f} on {os.cpu_count()} cores. Other engineers'"
        " jobs share this machine, so wall-clock figures (and, less, CPU figures) depend on their load:"
        " re-run on a quiet machine for release numbers."
    )
    lines += ["", "## Against the targets", ""]
    by_size = {r[0]: r for r in rows}
    ten = by_size.get(10) or rows[-1]
    lines.append(
        f"- Throughput on the {ten[0]} MB corpus, `--jobs 1`: **{ten[2] / ten[4].cpu:.2f} MB/s per core** "
        f"(CPU), {ten[2] / ten[4].wall:.2f} MB/s wall (target >= 2 MB/s per core)."
    )
    if 10 in by_size and 100 in by_size:
        ratio = by_size[100][4].cpu / by_size[10][4].cpu
        lines.append(
            f"- Linearity: the 100 MB run costs **{ratio:.1f}x** the 10 MB run in CPU time "
            f"({by_size[100][4].wall / by_size[10][4].wall:.1f}x wall; target within 12x)."
        )
    peaks = ", ".join(f"{r[0]} MB: {r[4].peak_mb:.0f} / {r[6].peak_mb:.0f} MB" for r in rows)
    lines.append(
        f"- Peak memory (files `--jobs 1` / corpus mode) by corpus size: {peaks} (target: bounded by"
        " the largest article and the batches in flight, not by the corpus)."
    )
    lines.append(
        f"- Start-up (median of 15, bytecode compiled; wall / CPU): `newslint --version` "
        f"**{version_ms[0]:.0f} / {version_ms[1]:.0f} ms**, one small article ({SMALL_ARTICLE.name}) "
        f"**{article_ms[0]:.0f} / {article_ms[1]:.0f} ms** (target < 200 ms); a bare `python -c pass` "
        f"takes {python_ms[0]:.0f} / {python_ms[1]:.0f} ms on this machine."
    )
    smallest = rows[0]
    prose = smallest[8]
    if prose is not None:
        lines.append(
            f"- Against proselint on the {smallest[0]} MB corpus: proselint {smallest[2] / prose.cpu:.3f} MB/s "
            f"per core, newslint {smallest[2] / smallest[4].cpu:.2f} MB/s: **{prose.cpu / smallest[4].cpu:.1f}x** "
            "proselint's throughput (target >= 10x)."
        )
    else:
        lines.append("- proselint was not measured: run `bash benchmarks/setup.sh` first.")
    if ten[7] is not None:
        lines.append(
            f"- Pre-commit re-run on unchanged files (warm cache, default `--jobs`, {ten[0]} MB corpus): "
            f"{ten[7].wall:.2f} s wall / {ten[7].cpu:.2f} s CPU vs {ten[4].wall:.2f} s / {ten[4].cpu:.2f} s uncached."
        )
    lines += [
        "",
        f"## Slowest rules (`newslint --timing`, {timing_size} MB corpus, `--jobs 1`)",
        "",
        "```",
        timing.rstrip(),
        "```",
        "",
        "`(document structure)` is the shared segmentation (lines, paragraphs, sentences, quotes,"
        " tokens), computed once per article for all rules.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    if not NEWSLINT.exists():
        raise SystemExit(f"{NEWSLINT} not found: run with the project's .venv/bin/python")
    if shutil.which("git") is None:
        raise SystemExit("git is needed to record the commit")
    main()
