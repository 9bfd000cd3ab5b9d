"""The untranslated-noun table: well formed, and free of words English uses."""

from __future__ import annotations

from newslint.builtin.translate_untranslated_words import foreign_nouns
from newslint.lexicon import data_text, zipf


def test_every_listed_noun_is_a_word_with_a_gloss() -> None:
    table = foreign_nouns()
    assert len(table) > 80
    for word, (language, gloss) in table.items():
        assert word.isalpha() and word[1:] == word[1:].lower(), word
        assert len(language) == 2 and gloss, word


def test_no_listed_noun_is_an_english_word() -> None:
    # A word English uses often would be flagged in clean prose.
    assert [w for w in foreign_nouns() if zipf(w.lower()) >= 2.0] == []


def test_no_noun_is_listed_twice() -> None:
    rows = [r.split("\t")[0] for r in data_text("mt_foreign_nouns.tsv").splitlines() if r and r[0] != "#"]
    assert len(rows) == len(set(rows))
