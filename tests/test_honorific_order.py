"""MT403: an office after a surname is moved before it; MT202: the article before a name is deleted."""

from __future__ import annotations


def test_office_after_surname_is_rewritten_before_it(lint):
    text = "Takeshi Oda runs the firm. Oda President said the plant would close."
    (finding,) = lint(text, "MT403")
    assert text[finding.span.start : finding.span.end] == "President"
    (edit,) = finding.fix.edits
    assert text[edit.span.start : edit.span.end] == "Oda President"
    assert edit.content == "President Oda"


def test_office_after_an_english_word_is_an_english_title(lint):
    assert lint("Takeshi Oda runs the firm. The Vice President said the plant would close.", "MT403") == []


def test_article_before_a_person_is_deleted(lint):
    text = "The captain, Nikos Karras, was jailed. During the trial the Karras told the court he had warned them."
    (finding,) = lint(text, "MT202")
    assert text[finding.span.start : finding.span.end] == "the Karras"
    (edit,) = finding.fix.edits
    assert text[edit.span.start : edit.span.end] == "the " and edit.content == ""
