"""Generate the deterministic synthetic benchmark corpus from the repository's articles.

Sources are every article in ``examples/`` and ``tests/golden/**`` (damaged inputs and
their ``.fixed.txt`` clean versions), so the corpus grows richer as areas add golden
articles. Each generated article starts from one source and varies it with a seeded
random generator: names and numbers in body paragraphs are swapped, body paragraphs of
other articles are appended (varying length), body order is shuffled, and short
scraper-damage lines (captions, share bars, "Advertisement" ...) taken from the damaged
sources are inserted or dropped. Clean sources stay clean. The same seed and sources
always give byte-identical output; a smaller size is a prefix of a larger one.

Writes ``<out>/corpus-<N>MB/dNNN/aNNNNNN.txt`` (file mode) and ``<out>/corpus-<N>MB.jsonl``
(corpus mode, fields ``id`` and ``text``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES_PER_FOLDER = 1000
NAMES = [
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Kowalski", "Brennan", "Silva", "Nakamura",
    "Ferreira", "Novak", "Mensah", "Castillo", "Petrov", "Quinn", "Abara", "Van Dijk", "Rossi",
]  # fmt: skip
PLACES = [
    "Eastport", "Riverton", "Northgate", "Marlow Bay", "Kingsferry", "Ashdale", "Port Ellis",
    "Greywater", "Hollin", "Westmere", "Corrin", "Dunmore",
]  # fmt: skip
CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}")
NUMBER = re.compile(r"\d")
BODY_MIN_WORDS = 12
SHORT_MAX_WORDS = 10


@dataclass(frozen=True)
class Source:
    name: str
    paragraphs: tuple[str, ...]
    damaged: bool


def load_sources(root: Path = ROOT) -> list[Source]:
    paths = sorted((root / "examples").glob("*.txt")) + sorted((root / "tests" / "golden").rglob("*.txt"))
    sources = []
    for path in paths:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        paragraphs = tuple(p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip())
        sources.append(Source(str(path.relative_to(root)), paragraphs, not path.name.endswith(".fixed.txt")))
    if not sources:
        raise SystemExit("no source articles found under examples/ and tests/golden/")
    return sources


def is_body(paragraph: str) -> bool:
    return len(paragraph.split()) >= BODY_MIN_WORDS


def vary(rng: random.Random, paragraph: str, names: dict[str, str]) -> str:
    """Swap capitalised names and digits in a body paragraph, consistently within an article."""

    def name(match: re.Match[str]) -> str:
        word = match.group()
        if word not in names:
            names[word] = rng.choice(NAMES + PLACES)
        return names[word]

    paragraph = CAPITALISED.sub(name, paragraph)
    return NUMBER.sub(lambda _m: str(rng.randrange(10)), paragraph)


def articles(seed: int, sources: list[Source]) -> Iterator[str]:
    rng = random.Random(seed)
    bodies = [p for s in sources for p in s.paragraphs if is_body(p)]
    damage = sorted(
        {p for s in sources if s.damaged for p in s.paragraphs if len(p.split()) <= SHORT_MAX_WORDS}
    )
    while True:
        source = rng.choice(sources)
        names: dict[str, str] = {}
        paragraphs = [vary(rng, p, names) if is_body(p) else p for p in source.paragraphs]
        head, body = paragraphs[:1], paragraphs[1:]
        for _ in range(rng.choice([0, 0, 1, 2, 4, 8])):  # length varies from a brief to a long read
            body.append(vary(rng, rng.choice(bodies), names))
        if rng.random() < 0.3 and len(body) > 3:
            middle = body[1:-1]
            rng.shuffle(middle)
            body = [body[0], *middle, body[-1]]
        if source.damaged:
            if rng.random() < 0.4 and damage:
                for _ in range(rng.randint(1, 2)):
                    body.insert(rng.randrange(len(body) + 1), rng.choice(damage))
            if rng.random() < 0.3:
                body = [p for p in body if is_body(p) or rng.random() < 0.5]
        yield "\n\n".join(head + body) + "\n"


def generate(out: Path, megabytes: int, seed: int = 7) -> tuple[Path, Path]:
    """Write the corpus of ``megabytes`` MB (10**6 bytes) once; reuse it when present."""
    folder = out / f"corpus-{megabytes}MB"
    jsonl = out / f"corpus-{megabytes}MB.jsonl"
    done = out / f".corpus-{megabytes}MB.done"
    if done.exists():
        return folder, jsonl
    out.mkdir(parents=True, exist_ok=True)
    target = megabytes * 1_000_000
    written = 0
    with open(jsonl, "w", encoding="utf-8", newline="\n") as lines:
        for index, text in enumerate(articles(seed, load_sources())):
            if written >= target:
                break
            path = folder / f"d{index // FILES_PER_FOLDER:03d}" / f"a{index:06d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            lines.write(json.dumps({"id": f"a{index:06d}", "text": text}, ensure_ascii=False) + "\n")
            written += len(data)
    done.write_text(f"{written}\n", encoding="utf-8")
    return folder, jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / ".data")
    parser.add_argument("--sizes", default="1,10,100", help="megabytes, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        folder, jsonl = generate(args.out, size, args.seed)
        print(f"{size} MB: {folder} and {jsonl}")


if __name__ == "__main__":
    main()
