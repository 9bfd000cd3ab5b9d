"""Write ``src/newslint/data/ligature_words.txt``: the everyday words a dropped ligature can split.

SC706 (ligature gap) only reads a document closely when it holds a half of one of these
words that is no word itself ("o" of "o cers", "signi" of "signi cant"). Run after
``scripts/build_lexicon.py``; a test checks the shipped file is what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from newslint.builtin.scrape_print_encoding import everyday_ligature_words

DATA = Path(__file__).resolve().parents[1] / "src" / "newslint" / "data"


def main() -> None:
    words = everyday_ligature_words()
    (DATA / "ligature_words.txt").write_text("".join(f"{word}\n" for word in words), encoding="utf-8")
    print(f"wrote {DATA / 'ligature_words.txt'} ({len(words)} words)")


if __name__ == "__main__":
    main()
