"""newslint corpus: JSON Lines, gzip and Parquet input, streamed output, the `corpus` dispatch."""

from __future__ import annotations

import gzip
import json
import textwrap

import pytest

from newslint.cli import main
from newslint.corpus import BATCH_RECORDS, summary_table

DAMAGED = textwrap.dedent(
    """\
    Market hall reopens

    Hide caption

    Traders returned to the market hall on {day} after a year of works.

    Advertisement
    """
)
CLEAN = "The market hall reopened on {day}, and traders said business was brisk.\n"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def records(count):
    for index in range(count):
        template = DAMAGED if index % 2 else CLEAN
        yield {"id": f"story-{index}", "body": template.format(day=DAYS[index % 7]), "lang": "en"}


def write_jsonl(path, items, opener=open):
    with opener(path, "wt", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item) + "\n")
    return path


def read_output(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_jsonl(tmp_path / "articles.jsonl", records(2 * BATCH_RECORDS + 11))


def test_jsonl_findings_and_summary(corpus, tmp_path, capsys):
    code = main(["corpus", str(corpus), "--text-field", "body", "-o", "out.jsonl", "-j", "1"])
    err = capsys.readouterr().err
    assert code == 1
    found = read_output(tmp_path / "out.jsonl")
    damaged = (2 * BATCH_RECORDS + 11) // 2
    assert [f["code"] for f in found[:2]] == ["SC101", "SC107"]
    assert found[0] == {
        "id": "story-1",
        "record": 1,
        "code": "SC101",
        "rule": "caption-control",
        "category": "boilerplate",
        "severity": "error",
        "message": "Caption control `Hide caption` left in the article",
        "line": 3,
        "column": 1,
        "start": 21,
        "end": 33,
        "fix": {
            "applicability": "safe",
            "title": "Delete the line",
            "edits": [{"start": 21, "end": 35, "content": ""}],
        },
    }
    assert len(found) == 2 * damaged
    assert [f["record"] for f in found] == sorted(f["record"] for f in found)
    assert "boilerplate" in err and f"{2 * damaged:,}" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_parallel_gzip_and_stdout_equal_serial(corpus, tmp_path, capsys):
    main(["corpus", str(corpus), "--text-field", "body", "-o", "serial.jsonl", "-j", "1", "-q"])
    gz = write_jsonl(tmp_path / "articles.jsonl.gz", records(2 * BATCH_RECORDS + 11), gzip.open)
    capsys.readouterr()
    code = main(["corpus", str(gz), "--text-field", "body", "-j", "2", "-q"])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    assert out == (tmp_path / "serial.jsonl").read_text(encoding="utf-8")


def test_bad_records_are_findings_not_failures(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": 1, "text": "Fine text here."}\n'
        "not json\n"
        "\n"
        '[1, 2]\n{"id": 5, "text": 42}\n{"id": 6}\n'
        '{"id": 7, "text": "Hide caption"}\n',
        encoding="utf-8",
    )
    assert main(["corpus", "mixed.jsonl", "-o", "out.jsonl", "-q", "-j", "1"]) == 1
    found = read_output(tmp_path / "out.jsonl")
    assert [(f["record"], f["code"]) for f in found] == [
        (1, "NL901"),
        (3, "NL901"),
        (4, "NL901"),
        (5, "NL901"),
        (6, "SC101"),
    ]
    assert found[2]["message"] == "Field 'text' is not a string"
    assert found[3]["message"] == "No 'text' field" and found[3]["id"] == 6


def test_selection_and_config_apply(corpus, tmp_path, capsys):
    (tmp_path / "newslint.toml").write_text('ignore = ["SC107"]\n', encoding="utf-8")
    main(["corpus", str(corpus), "--text-field", "body", "-o", "a.jsonl", "-q", "-j", "1"])
    assert {f["code"] for f in read_output(tmp_path / "a.jsonl")} == {"SC101"}
    main(
        [
            "corpus",
            str(corpus),
            "--text-field",
            "body",
            "--isolated",
            "--select",
            "SC107",
            "-o",
            "b.jsonl",
            "-q",
        ]
    )
    assert {f["code"] for f in read_output(tmp_path / "b.jsonl")} == {"SC107"}


def test_unknown_selector_and_missing_input_are_usage_errors(corpus, capsys):
    assert main(["corpus", str(corpus), "--select", "NOPE1"]) == 2
    assert "NOPE1" in capsys.readouterr().err
    assert main(["corpus", "missing.jsonl"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_parquet_input_equals_jsonl(corpus, tmp_path, capsys):
    pyarrow = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    rows = list(records(2 * BATCH_RECORDS + 11))
    table = pyarrow.table({"id": [r["id"] for r in rows], "body": [r["body"] for r in rows]})
    parquet.write_table(table, tmp_path / "articles.parquet", row_group_size=100)
    main(["corpus", str(corpus), "--text-field", "body", "-o", "from-jsonl.jsonl", "-q", "-j", "1"])
    main(["corpus", "articles.parquet", "--text-field", "body", "-o", "from-parquet.jsonl", "-q"])
    assert (tmp_path / "from-parquet.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "from-jsonl.jsonl"
    ).read_text(encoding="utf-8")
    assert main(["corpus", "articles.parquet", "--text-field", "missing", "-q"]) == 2
    assert "no column 'missing'" in capsys.readouterr().err


def test_a_file_named_corpus_is_linted_as_a_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").write_text("Hide caption\n", encoding="utf-8")
    assert main(["corpus"]) == 1
    assert capsys.readouterr().out.startswith("corpus:1:1: SC101")
    (tmp_path / "corpus").unlink()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "story.txt").write_text("Hide caption\n", encoding="utf-8")
    assert main(["corpus", "--no-cache"]) == 1
    assert "corpus/story.txt:1:1: SC101" in capsys.readouterr().out


def test_corpus_subcommand_when_no_such_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["corpus", "--help"])
    assert "--text-field" in capsys.readouterr().out


def test_summary_table_sorts_by_findings():
    from newslint.corpus import Tally

    tally = Tally(
        records=10, bytes=2_000_000, findings=7, by_category={"caption": [2, 2], "boilerplate": [5, 3]}
    )
    table = summary_table(tally, 2.0)
    lines = table.splitlines()
    assert lines[1].split() == ["boilerplate", "5", "3", "30.0%"]
    assert lines[2].split() == ["caption", "2", "2", "20.0%"]
    assert lines[-1] == "Linted 10 records (2.0 MB) in 2.0 s (1.00 MB/s)."


def test_progress_bar_when_asked(corpus, tmp_path, capsys):
    main(
        ["corpus", str(corpus), "--text-field", "body", "-o", "out.jsonl", "--progress", "always", "-j", "1"]
    )
    err = capsys.readouterr().err
    assert err.startswith("\r[") and "100%" in err and "records" in err
