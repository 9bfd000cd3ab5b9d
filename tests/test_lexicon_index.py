"""The word index that zipf() reads is exactly the shipped word list, and loads without the list."""

from __future__ import annotations

import random
import subprocess
import sys
from importlib.resources import files

from newslint import lexicon


def test_shipped_index_is_built_from_shipped_list():
    data = files("newslint") / "data"
    assert (data / "en_words.idx").read_bytes() == lexicon.build_index(
        (data / "en_words.txt.gz").read_bytes()
    )


def test_zipf_equals_the_full_table():
    table = lexicon._frequencies()
    sample = random.Random(3).sample(sorted(table), 3000)
    for word in sample:
        assert lexicon._lookup(word) == table[word]
        assert lexicon.zipf(word.upper()) == table[word]
    assert lexicon.zipf("the") == 7.73
    assert lexicon.zipf("Don’t") == table["don't"]
    assert lexicon.zipf("qzxv") == 0.0
    assert lexicon.zipf("a\nb") == lexicon.zipf("a\tb") == 0.0


def test_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(lexicon, "_MEMO_LIMIT", 10)
    lexicon._memo.clear()
    for number in range(25):
        lexicon.zipf(f"word{number}")
    assert len(lexicon._memo) <= 10


def test_first_lookup_does_not_build_the_table():
    code = "import newslint.lexicon as l; l.zipf('council'); print(l._frequencies.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_startup_skips_importlib_metadata_without_plugins():
    code = "import sys; from newslint.app import Linter; Linter(); print('importlib.metadata' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
