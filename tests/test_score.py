"""The article quality score: exact values, monotonic properties, and --statistics / --fail-under."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newslint.cli import main
from newslint.diagnostics import Category, Finding, Severity, Span
from newslint.document import Document
from newslint.score import (
    combine,
    finding_weight,
    findings_score,
    readability_score,
    score_article,
)

QUALITY = Path(__file__).parent / "golden" / "quality"
PAIRS = [("clean-council.txt", "damaged-council.txt"), ("clean-orchard.txt", "damaged-orchard.txt")]


def finding(severity=Severity.ERROR, category=Category.BOILERPLATE, start=0):
    return Finding(
        code="SC101",
        rule="caption-control",
        category=category,
        severity=severity,
        span=Span(start, start + 1),
        message="m",
    )


# -- exact values ------------------------------------------------------------------------


def test_weights():
    assert finding_weight(finding()) == 3.0
    assert finding_weight(finding(Severity.WARNING, Category.STYLE)) == 0.5
    assert finding_weight(finding(Severity.INFO, Category.READABILITY)) == 0.5
    assert finding_weight(finding(Severity.WARNING, Category.GRAMMAR)) == 1.5
    assert finding_weight(finding(Severity.ERROR, Category.ERROR)) == 0.0


def test_findings_score_exact():
    assert findings_score([], 600) == (0.0, 100.0)
    density, part = findings_score([finding()], 100)  # short texts count as 250 words
    assert density == pytest.approx(12.0)
    assert part == pytest.approx(100 * math.exp(-12 / 40))
    density, part = findings_score([finding(), finding(Severity.INFO)], 1000)
    assert density == pytest.approx(4.0) and part == pytest.approx(100 * math.exp(-0.1))


def test_readability_score_exact():
    assert readability_score(45.0, 0) == 100.0
    assert readability_score(15.0, 0) == 50.0
    assert readability_score(-20.0, 0) == 0.0
    assert readability_score(45.0, 2) == 80.0
    assert readability_score(15.0, 6) == 0.0


def test_combined_score_exact():
    assert combine(100.0, 100.0) == 100.0
    assert combine(100 * math.exp(-0.3), 100.0) == 76.7
    assert combine(0.0, 50.0) == 5.0


def test_clean_synthetic_article_scores_100():
    text = (QUALITY / "clean-council.txt").read_text(encoding="utf-8")
    scored = score_article(Document(text), [])
    assert scored.score == 100.0
    assert scored.readability.article.flesch_reading_ease > 30


# -- properties --------------------------------------------------------------------------

one_finding = st.builds(finding, st.sampled_from(list(Severity)), st.sampled_from(list(Category)))
findings_lists = st.lists(one_finding, max_size=30)


@given(findings_lists, one_finding, st.integers(0, 5000), st.floats(-50, 120), st.integers(0, 5))
def test_a_finding_never_raises_the_score(found, extra, words, ease, run_ons):
    part_r = readability_score(ease, run_ons)
    before = combine(findings_score(found, words)[1], part_r)
    after = combine(findings_score([*found, extra], words)[1], part_r)
    assert 0.0 <= after <= before <= 100.0


@given(findings_lists, st.integers(0, 5000), st.integers(1, 5000))
def test_more_words_for_the_same_findings_never_lower_the_score(found, words, more):
    assert findings_score(found, words + more)[1] >= findings_score(found, words)[1]


@given(st.sampled_from(list(Category)), st.integers(200, 3000))
def test_higher_severity_costs_more(category, words):
    scores = [findings_score([finding(s, category)], words)[1] for s in Severity]
    assert scores == sorted(scores, reverse=True)


@given(st.floats(-50, 120), st.floats(0, 70), st.integers(0, 5))
def test_harder_text_never_scores_higher(ease, drop, run_ons):
    assert readability_score(ease - drop, run_ons) <= readability_score(ease, run_ons)
    assert readability_score(ease, run_ons + 1) <= readability_score(ease, run_ons)


@pytest.mark.parametrize(("clean", "damaged"), PAIRS)
def test_clean_synthetic_articles_outscore_damaged_ones(linter, clean, damaged):
    scores = {}
    for name in (clean, damaged):
        text = (QUALITY / name).read_text(encoding="utf-8")
        scores[name] = score_article(Document(text), linter.lint_text(text)).score
    assert scores[clean] > scores[damaged]


def test_every_clean_synthetic_article_outscores_every_damaged_one(linter):
    def score(name):
        text = (QUALITY / name).read_text(encoding="utf-8")
        return score_article(Document(text), linter.lint_text(text)).score

    assert min(score(c) for c, _ in PAIRS) > max(score(d) for _, d in PAIRS)


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def articles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("clean-council.txt", "damaged-council.txt"):
        shutil.copy(QUALITY / name, tmp_path / name)
    return tmp_path


def run(capsys, *argv):
    code = main(["--isolated", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_statistics_in_text_output(articles, capsys):
    code, out, err = run(capsys, "--statistics", "clean-council.txt")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "clean-council.txt: quality score 100.0/100 (findings 100.0, readability 100.0)"
    assert lines[1].startswith("  249 words, 13 sentences, 9 paragraphs; Flesch reading ease ")
    assert (
        lines[2]
        == "  sentence length in words: mean 19.2, median 21, 90th percentile 27, longest 29 (line 5)"
    )
    assert lines[-1] == "All checks passed."


def test_statistics_follow_the_findings_of_each_file(articles, capsys):
    _, out, _ = run(capsys, "--statistics", "damaged-council.txt")
    lines = out.splitlines()
    block = next(i for i, line in enumerate(lines) if line.startswith("damaged-council.txt: quality score "))
    assert lines[block - 1].startswith("damaged-council.txt:25:1: SC108")  # after the last finding
    assert float(lines[block].split("score ")[1].split("/")[0]) < 60


def test_statistics_in_json_are_one_extra_object_per_file(articles, capsys):
    _, out, _ = run(capsys, "--format", "json", "--statistics", "clean-council.txt", "damaged-council.txt")
    items = json.loads(out)
    assert isinstance(items, list)
    stats = [i for i in items if i["code"] == "RD000"]
    assert [s["path"] for s in stats] == ["clean-council.txt", "damaged-council.txt"]
    clean = stats[0]
    text = (articles / "clean-council.txt").read_text(encoding="utf-8")
    assert clean["category"] == "readability" and clean["rule"] == "article-statistics"
    assert (clean["start"], clean["end"], clean["fix"]) == (0, len(text), None)
    assert clean["message"].startswith("Quality score 100.0/100; Flesch reading ease ")
    figures = clean["statistics"]
    assert figures["score"] == 100.0 and figures["words"] == 249 and figures["sentences"] == 13
    assert set(figures["sentence_length"]) == {"mean", "median", "p90", "max", "max_line"}
    assert len(figures["paragraphs"]) == 9 and figures["paragraphs"][0]["line"] == 3
    assert stats[1]["statistics"]["score"] < 60


def test_json_has_no_statistics_unless_asked(articles, capsys):
    _, out, _ = run(capsys, "--format", "json", "clean-council.txt", "damaged-council.txt")
    assert all(i["code"] != "RD000" for i in json.loads(out))


def test_fail_under_gates_on_the_score(articles, capsys):
    code, out, err = run(capsys, "--fail-under", "90", "clean-council.txt", "damaged-council.txt")
    assert code == 1
    assert err.startswith("newslint: damaged-council.txt: quality score ")
    assert err.endswith(" is below --fail-under 90\n")
    assert "clean-council.txt" not in err and "quality score" not in out


def test_fail_under_alone_ignores_findings_that_keep_the_score(articles, capsys):
    code, _, err = run(capsys, "--fail-under", "10", "damaged-council.txt")
    assert code == 0 and err == ""
    code, _, _ = run(capsys, "--fail-under", "10", "--fail-on", "error", "damaged-council.txt")
    assert code == 1


def test_fail_under_on_an_unreadable_file_fails(articles, capsys):
    code, out, _ = run(capsys, "--fail-under", "10", "missing.txt")
    assert code == 1 and "NL901" in out


def test_text_summary_sums_up_the_scores_of_several_articles(articles, capsys):
    _, out, _ = run(capsys, "--statistics", "clean-council.txt", "damaged-council.txt")
    lines = out.splitlines()
    damaged = float(
        next(x for x in lines if x.startswith("damaged-council.txt: quality")).split()[3].split("/")[0]
    )
    mean = (100.0 + damaged) / 2
    assert (
        lines[-2]
        == f"Quality score: mean {mean:.1f} over 2 articles; lowest {damaged:.1f} (damaged-council.txt)."
    )
    assert lines[-1].startswith("Found ")
