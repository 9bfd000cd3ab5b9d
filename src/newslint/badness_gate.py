"""A cheap exact test that a line cannot match ftfy's badness regex.

ftfy's ``is_bad`` searches one large alternation at every position of the text; on a line
of edited copy (curly quotes, dashes, accented names) that costs tens of microseconds and
almost always finds nothing. Every alternative of that regex has to match some character
of a fixed set at one of its steps (``[¦¤¨¬…]`` in ``[a-zA-Z][α-ω…][¦¤¨¬…]``, say). A line
holding no character of any alternative's set cannot match, which one scan for a single
character class tells. The sets are read from the regex itself by ``re``'s own parser,
so the test follows whatever ftfy release is installed; where the regex has a shape this
module does not read, there is no gate and every line goes to ftfy.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# Characters of edited English copy (ASCII among them), by how often a line holds one: for each alternative
# the step whose set weighs least is chosen, so that an ordinary line has none of the
# gate's characters. (The choice only decides how often the gate opens; any step's set
# keeps it exact.)
EVERY_LINE = frozenset([*map(chr, range(128)), *"‘’“”–—…"])
SOME_LINES = frozenset(
    "•·«»£€¥©®™°½¼¾×àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßčćšžłńśźżőűÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝČĆŠŽŁŃŚŹŻŐŰ"
)


def gate_for(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds a character every match of ``pattern`` needs, or None.

    None when ``pattern`` is not an alternation whose every branch has a step matching
    exactly one character from a plain set (letters and ranges, no negation, categories
    or case folding), or when ``re``'s private parser is not there to read it.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private API: without it, no gate
        return None
    needed: set[int] = set()
    for branch in _branches(tree.data, constants):
        chars = _best_step(branch, constants)
        if chars is None:
            return None
        needed |= chars
    if not needed:
        return None
    body = "".join(_escape(code) for code in sorted(needed))
    return re.compile(f"[{body}]")


def _branches(data: Any, constants: Any) -> list[Any]:
    """The alternatives of a top-level alternation (or the one sequence there is)."""
    items = list(data)
    if len(items) == 1 and items[0][0] is constants.BRANCH:
        return list(items[0][1][1])
    return [items]


def _best_step(branch: Any, constants: Any) -> set[int] | None:
    """Of the branch's steps that match one character from a plain set, the one whose set
    weighs least by its common characters (then the smallest), or None if there is none."""
    best: tuple[int, int, set[int]] | None = None
    for op, arg in branch:
        chars = _plain_set(op, arg, constants)
        if chars is None:
            continue
        weight = sum(
            1000 if char in EVERY_LINE else 1 if char in SOME_LINES else 0 for char in map(chr, chars)
        )
        key = (weight, len(chars))
        if best is None or key < best[:2]:
            best = (*key, chars)
    return None if best is None else best[2]


def _plain_set(op: Any, arg: Any, constants: Any) -> set[int] | None:
    """The code points a single-character step matches, or None if it is not a plain set."""
    if op is constants.LITERAL:
        return {arg}
    if op is not constants.IN:
        return None
    chars: set[int] = set()
    for item_op, item_arg in arg:
        if item_op is constants.LITERAL:
            chars.add(item_arg)
        elif item_op is constants.RANGE:
            low, high = item_arg
            if high - low > 4096:
                return None  # too wide to be worth listing
            chars.update(range(low, high + 1))
        else:  # NEGATE, CATEGORY, ...: not a plain set
            return None
    return chars


def _escape(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char
