"""--jobs: a process pool gives exactly the output of a serial run, in the same order."""

from __future__ import annotations

import re
import textwrap

import pytest

from newslint.cli import main
from newslint.parallel import MIN_PARALLEL_BYTES, ordered_map

DAMAGED = textwrap.dedent(
    """\
    Bridge repairs finish early

    LAKEVIEW – Repairs to the old stone bridge finished a week early, the county said on {day}.

    Hide caption

    Crews worked {hours} hours a day to reopen the crossing before the harvest.

    Leave a Reply
    """
)
CLEAN = "The county reopened the bridge on {day} after {hours} hours of work.\n"


@pytest.fixture
def many_articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    for index in range(60):
        body = (DAMAGED if index % 3 else CLEAN).format(day=days[index % 5], hours=index)
        # Pad with clean paragraphs so the run is big enough to use the pool.
        body += "".join(
            f"\nSection {n} of the work was paid for by the county's road fund.\n" for n in range(40)
        )
        folder = tmp_path / f"desk{index % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"story{index:02}.txt").write_text(body, encoding="utf-8")
    total = sum(p.stat().st_size for p in tmp_path.rglob("*.txt"))
    assert total > MIN_PARALLEL_BYTES
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_equals_serial_output(many_articles, capsys, fmt):
    serial = main(["--no-cache", "--jobs", "1", "--format", fmt, "."])
    serial_out = capsys.readouterr().out
    parallel = main(["--no-cache", "--jobs", "3", "--format", fmt, "."])
    parallel_out = capsys.readouterr().out
    assert serial == parallel == 1
    assert serial_out == parallel_out
    assert serial_out.count("SC101") == 40


def test_jobs_fix_equals_serial_fix(many_articles, tmp_path, capsys):
    main(["--no-cache", "--jobs", "2", "--fix", "."])
    parallel_out = capsys.readouterr().out
    fixed = {p: p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.txt"))}
    assert not any("Hide caption" in text for text in fixed.values())
    assert parallel_out.startswith("Fixed 80 findings.")


def test_timing_lists_rules_slowest_first(many_articles, capsys):
    main(["--no-cache", "--jobs", "2", "--timing", "-q", "."])
    err = capsys.readouterr().err
    assert err.startswith("Rule timing (60 documents")
    rows = [line.split() for line in err.splitlines()[2:] if not line.lstrip().startswith("...")]
    millis = [float(row[-3]) for row in rows]
    assert millis == sorted(millis, reverse=True)
    assert rows and all(re.fullmatch(r"[A-Z]{2,3}\d{3}|\(document", row[0]) for row in rows)


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["--jobs", "0", "x.txt"])
    assert "must be at least 1" in capsys.readouterr().err


def test_ordered_map_keeps_order_and_bounds_the_window():
    from concurrent.futures import ThreadPoolExecutor

    submitted = []

    def items():
        for number in range(20):
            submitted.append(number)
            yield number

    with ThreadPoolExecutor(4) as pool:
        results = []
        for value in ordered_map(pool, lambda n: n * n, items(), window=3):
            results.append(value)
            assert len(submitted) - len(results) <= 3
    assert results == [n * n for n in range(20)]


def test_warm_cache_starts_no_pool(many_articles, capsys, monkeypatch, tmp_path):
    import newslint.parallel

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["--jobs", "2", "."]) == 1
    cold = capsys.readouterr().out

    def no_pool(*args, **kwargs):
        raise AssertionError("a warm cache must not start a process pool")

    monkeypatch.setattr(newslint.parallel, "ProcessPoolExecutor", no_pool)
    assert main(["--jobs", "2", "."]) == 1
    assert capsys.readouterr().out == cold
