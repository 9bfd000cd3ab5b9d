"""Readability figures (textstat, offline) and the RD1xx rules."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from newslint.app import Linter
from newslint.document import Document
from newslint.readability import (
    body_paragraphs,
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
    measure,
)

ARTICLE = textwrap.dedent(
    """\
    Ferry service returns to the harbour

    PORTHAVEN – The harbour ferry resumed service on Monday. It had been out of use for six weeks.

    Passengers said they were glad. One said the crossing was calm.
    """
)


def test_figures_use_newslint_segmentation():
    doc = Document(ARTICLE)
    figures = measure(doc)
    # The headline is not body text; the dateline belongs to the first sentence.
    assert [doc[p.span][:9] for p in figures.paragraphs] == ["PORTHAVEN", "Passenger"]
    assert figures.article.words == 28
    assert figures.article.sentences == 4
    assert figures.lengths == (8, 9, 5, 6)
    assert figures.sentence_lengths.longest == 9
    assert figures.sentence_lengths.median == 7.0
    assert figures.sentences_over(7) == 2
    assert [(p.words, p.sentences) for p in figures.paragraphs] == [(17, 2), (11, 2)]


def test_formulas_are_the_standard_ones():
    assert flesch_reading_ease(100, 5, 150) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert flesch_kincaid_grade(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert flesch_reading_ease(0, 0, 0) == 0.0


def test_syllables_come_from_textstat_with_cmudict():
    assert count_syllables("harbour") == 2
    assert count_syllables("the cat sat") == 3
    assert count_syllables("   ") == 0


def test_figures_match_textstat_where_segmentation_agrees():
    import textstat

    # (textstat drops sentences of two words or fewer from its count, so none here are that short)
    text = "The cat sat on the mat. It was a sunny day and the cat was happy. The dogs barked loudly."
    figures = measure(Document(text))
    assert figures.article.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=0.01)


def test_statistics_skip_ignored_regions_and_headings():
    doc = Document("Title Of The Story\n\nOne two three four.\n", ignored=())
    assert [doc[p] for p in body_paragraphs(doc)] == ["One two three four."]
    empty = measure(Document(""))
    assert empty.article.words == 0 and empty.article.flesch_reading_ease == 0.0


def test_textstat_is_pinned_below_the_nltk_versions():
    from importlib.metadata import version

    major, minor, patch = (int(p) for p in version("textstat").split(".")[:3])
    assert (0, 7, 5) <= (major, minor, patch) < (0, 7, 9)


def test_readability_runs_with_the_network_blocked(monkeypatch):
    def blocked(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket, "socket", blocked)
    monkeypatch.setattr(socket, "create_connection", blocked)
    monkeypatch.setattr(socket, "getaddrinfo", blocked)
    figures = measure(Document(ARTICLE))
    assert figures.article.syllables > 0


def test_first_load_of_textstat_needs_no_network(tmp_path):
    """In a fresh interpreter (nothing cached), with sockets blocked, readability still works."""
    script = textwrap.dedent(
        """
        import socket, sys
        def blocked(*a, **k):
            raise OSError("network blocked")
        socket.socket = blocked
        socket.create_connection = blocked
        socket.getaddrinfo = blocked
        from newslint.document import Document
        from newslint.readability import measure
        figures = measure(Document("The harbour ferry resumed service on Monday. Passengers cheered."))
        assert figures.article.syllables > 10, figures
        assert "nltk" not in sys.modules
        print("ok")
        """
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "no-nltk-data")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_textstat_is_not_imported_by_a_plain_run():
    script = (
        "import sys; from newslint.cli import main; "
        "from newslint.app import Linter; Linter(isolated=True, autoload=False).lint_text('Some text.'); "
        "print('textstat' in sys.modules, 'cmudict' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False False", done.stderr


# -- RD rules ----------------------------------------------------------------------------


class _RdLinter:
    """Lint with the RD rules turned on and report only their findings (other rules may run too)."""

    def __init__(self, rules) -> None:
        def transform(config):
            return replace(config, extend_select=("RD",), rules=rules)

        self.linter = Linter(isolated=True, autoload=False, transform=transform)

    def lint_text(self, text):
        return [f for f in self.linter.lint_text(text) if f.code.startswith("RD")]


def _linter(**rules) -> _RdLinter:
    return _RdLinter(rules)


CLEAN = Path(__file__).parent / "golden"


def _sentence(words: int) -> str:
    base = [
        "the",
        "council",
        "said",
        "the",
        "new",
        "bridge",
        "would",
        "open",
        "next",
        "spring",
        "after",
        "long",
        "delays",
        "and",
    ]
    body = (base * (words // len(base) + 1))[:words]
    return " ".join(body).capitalize() + "."


def test_rd_rules_are_off_by_default(linter):
    assert not [f for f in linter.lint_text(_sentence(80) + "\n") if f.code.startswith("RD")]


def test_run_on_sentence_threshold_is_an_option():
    text = f"{_sentence(50)} {_sentence(12)}\n"
    assert _linter().lint_text(text) == []
    (finding,) = _linter(RD101={"max-words": 45}).lint_text(text)
    assert finding.code == "RD101" and finding.category.value == "readability"
    assert finding.message == "Run-on sentence of 50 words: `The council said the new bridge…`"
    assert finding.span.start == 0 and text[finding.span.end - 1] == "."


def test_outsized_paragraph_needs_a_norm():
    short = " ".join([_sentence(10)] * 3)
    long = " ".join([_sentence(20)] * 7)
    text = "\n\n".join([short, short, long, short, short, short]) + "\n"
    (finding,) = _linter().lint_text(text)
    assert finding.code == "RD102"
    assert finding.message.startswith("Paragraph of 140 words, 4.7× the median")
    few = "\n\n".join([short, long, short]) + "\n"
    assert _linter().lint_text(few) == []
    assert _linter(RD102={"min-paragraphs": 3}).lint_text(few) != []


def test_rd_rules_stay_silent_on_a_clean_synthetic_article():
    article = (Path(__file__).parent / "golden" / "quality" / "clean-council.txt").read_text(encoding="utf-8")
    assert _linter().lint_text(article) == []
