"""Build ``src/newslint/data/en_words.txt.gz`` from wordfreq's English list.

newslint never imports wordfreq at run time: loading its lists costs half a second per
process, and a linter run on every commit cannot pay that. This script, run by a
developer (``pip install wordfreq && python scripts/build_lexicon.py``), writes the
150,000 most frequent English words with their Zipf frequency, grouped under ``#zipf``
header lines. The data is wordfreq's (CC BY-SA 4.0, by Robyn Speer and contributors).
"""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import wordfreq

SIZE = 150_000
OUT = Path(__file__).resolve().parents[1] / "src" / "newslint" / "data" / "en_words.txt.gz"


def main() -> None:
    words = wordfreq.top_n_list("en", SIZE, wordlist="large")
    lines = [
        "# English word frequencies (Zipf scale) from wordfreq 3, CC BY-SA 4.0; built by scripts/build_lexicon.py"
    ]
    pairs = ((w, wordfreq.zipf_frequency(w, "en", wordlist="large")) for w in words)
    for zipf, group in itertools.groupby(pairs, key=lambda pair: pair[1]):
        lines.append(f"#{zipf:.2f}")
        lines.extend(word for word, _ in group)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(words)} words)")


if __name__ == "__main__":
    main()
