"""Write ``src/newslint/data/en_words.idx`` from ``en_words.txt.gz`` (see newslint.lexicon).

Run after ``scripts/build_lexicon.py``; needs only newslint itself. A test checks that
the shipped index is exactly what this script writes.
"""

from __future__ import annotations

from pathlib import Path

from newslint.lexicon import build_index

DATA = Path(__file__).resolve().parents[1] / "src" / "newslint" / "data"


def main() -> None:
    index = build_index((DATA / "en_words.txt.gz").read_bytes())
    (DATA / "en_words.idx").write_bytes(index)
    print(f"wrote {DATA / 'en_words.idx'} ({len(index)} bytes)")


if __name__ == "__main__":
    main()
