"""--engine dask on a LocalCluster with two worker processes equals the single-process run."""

from __future__ import annotations

import gzip
import json

import pytest

from newslint.cli import main

pytest.importorskip("dask.distributed")

ARTICLES = [
    "Harbour works delayed\n\nHide caption\n\nThe harbour works will finish in {month}.\n",
    "The council met on {day} and approved the budget for {month}.\n",
    "Rail strike called off\n\nAdvertisement\n\nUnions and the operator agreed on {day}.\n\nLeave a Reply\n",
]
MONTHS = ["March", "April", "May"]
DAYS = ["Monday", "Friday"]


def write_corpus(path, count, opener=open):
    with opener(path, "wt", encoding="utf-8") as handle:
        for index in range(count):
            text = ARTICLES[index % 3].format(month=MONTHS[index % 3], day=DAYS[index % 2])
            handle.write(json.dumps({"id": index, "text": text}) + "\n")


def test_dask_local_cluster_equals_single_process(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "a.jsonl", 900)
    write_corpus(tmp_path / "b.jsonl.gz", 300, gzip.open)
    pyarrow = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    texts = [ARTICLES[i % 3].format(month="June", day="Sunday") for i in range(120)]
    parquet.write_table(
        pyarrow.table({"id": list(range(120)), "text": texts}), "c.parquet", row_group_size=50
    )
    inputs = ["a.jsonl", "b.jsonl.gz", "c.parquet"]

    assert main(["corpus", *inputs, "-o", "single.jsonl", "-j", "1", "-q"]) == 1
    code = main(["corpus", *inputs, "--engine", "dask", "-j", "2", "--blocksize", "20KB", "-o", "parts"])
    err = capsys.readouterr().err
    assert code == 1
    parts = sorted((tmp_path / "parts").glob("part-*.jsonl"))
    assert len(parts) > 4  # a.jsonl is split into byte ranges, c.parquet into row-group parts
    combined = "".join(p.read_text(encoding="utf-8") for p in parts)
    single = (tmp_path / "single.jsonl").read_text(encoding="utf-8")
    assert combined == single
    assert {json.loads(line)["source"] for line in single.splitlines()} == set(inputs)
    assert "boilerplate" in err and "1,320 records" in err

    # Part files are never overwritten silently.
    assert main(["corpus", "a.jsonl", "--engine", "dask", "-o", "parts"]) == 2
    assert "already holds part files" in capsys.readouterr().err
