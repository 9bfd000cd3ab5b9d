"""The scrape rules' shortcuts give exactly the results of the plain code they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.scrape_joins import _best_split, _is_derivation, run_together_words
from newslint.document import Document
from newslint.lexicon import zipf


def reference_splits(doc: Document) -> dict[str, tuple[str, str]]:
    """SC702's original per-document loop: every distinct word judged afresh."""
    doc_words = frozenset([t.text for t in doc.tokens])
    splits: dict[str, tuple[str, str]] = {}
    for word in doc_words:
        if len(word) < 7 or not word.isalpha() or word in doc.accept:
            continue
        capitalised = word[0].isupper() and word[1:].islower()
        if not (word.islower() or capitalised) or zipf(word) > 0:
            continue
        if _is_derivation(word):
            continue
        split = _best_split(word, capitalised, doc_words)
        if split is not None:
            splits[word] = split
    return splits


WORDS = (
    "bakeriesand", "Hospitalsaw", "Northfield", "Northfieldresidents", "votedto", "overtourism",
    "FieldMote", "Springfield", "newsmakers", "cafes", "the", "Shops", "unhappy", "Reopened",
    "rebuilding", "Parkway", "Parkwayresidents", "ＦＵＬＬwidth", "Ǆemalsaid", "citiesand",
)  # fmt: skip
TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from((" ", ". ", "\n\n", ", "))), max_size=25
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.frozensets(st.sampled_from(WORDS), max_size=2))
def test_run_together_words_equal_the_plain_loop(text: str, accept: frozenset[str]) -> None:
    doc = Document(text, accept=accept)
    expected = reference_splits(doc)
    found = {
        doc[v.span]: v.fix.edits[0].span.start - v.span.start
        for v in run_together_words.run(doc, None)
        if v.fix
    }
    assert found == {word: len(left) for word, (left, _) in expected.items()}
