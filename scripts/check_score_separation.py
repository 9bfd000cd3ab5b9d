#!/usr/bin/env python3
"""Check that a labelled corpus's clean articles all score higher than its damaged ones.

usage: scripts/check_score_separation.py [CORPUS_DIR] [-v]

CORPUS_DIR holds articles and a gold.jsonl (see the corpus FORMAT.md); it defaults to
/work/shared/corpus/dev. When the folder is absent the check is skipped (exit 0), so the
script is safe in CI; tests never read the shared corpus, and tests/test_score.py checks
the same property on synthetic articles.

Two properties, using the default rules and configuration (no configuration file):
1. every article of kind "clean" scores higher than every article of kind "damaged";
2. every damaged article scores lower than its own repaired ``clean`` companion.
Exit status: 0 both hold (or skipped), 1 a property fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newslint.app import Linter
from newslint.score import score_article

DEFAULT_CORPUS = Path("/work/shared/corpus/dev")


def article_score(linter: Linter, path: Path) -> float:
    text = path.read_text(encoding="utf-8")
    document = linter.parse(text, path, linter.config_for(path))
    return score_article(document, linter.lint_text(text, path)).score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every article's score")
    args = parser.parse_args()
    gold = args.corpus / "gold.jsonl"
    if not gold.is_file():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    linter = Linter(isolated=True)
    clean: dict[str, float] = {}
    damaged: dict[str, float] = {}
    companions: dict[str, float] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        score = article_score(linter, args.corpus / entry["doc"])
        if entry["kind"] == "clean":
            clean[entry["doc"]] = score
        else:
            damaged[entry["doc"]] = score
            if entry.get("clean"):
                companions[entry["doc"]] = article_score(linter, args.corpus / entry["clean"])
    if args.verbose:
        for name, score in sorted({**clean, **damaged}.items()):
            repaired = f"  (repaired: {companions[name]:.1f})" if name in companions else ""
            print(f"{score:6.1f}  {name}{repaired}")
    failures = 0
    lowest_clean = min(clean.values(), default=100.0)
    overlapping = sorted((s, n) for n, s in damaged.items() if s >= lowest_clean)
    if overlapping:
        failures += 1
        names = ", ".join(f"{n} ({s:.1f})" for s, n in overlapping)
        print(f"FAIL: damaged articles scoring at least the lowest clean one ({lowest_clean:.1f}): {names}")
    unrepaired = sorted(n for n, s in damaged.items() if n in companions and s >= companions[n])
    if unrepaired:
        failures += 1
        print(f"FAIL: damaged articles not below their repaired version: {', '.join(unrepaired)}")
    highest_damaged = max(damaged.values(), default=0.0)
    print(
        f"{len(clean)} clean (lowest {lowest_clean:.1f}), {len(damaged)} damaged (highest "
        f"{highest_damaged:.1f}); {len(damaged) - len(overlapping)}/{len(damaged)} damaged below every clean one"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
