"""Hypothesis strategies for damaged articles: clean sentences mixed with scraper junk.

Used by the fix-safety properties and the fuzz target. Every piece is synthetic and
written for these tests; the junk is the kind of damage newslint's rules look for
(site chrome, entities, mojibake, doubled words, stray characters), so that fixes
really run, next to text that must never change.
"""

from __future__ import annotations

from hypothesis import strategies as st

SENTENCES = (
    "The harbour ferry resumed service on Monday after six weeks of repairs.",
    "Passengers said they were glad to see it back.",
    "The council voted 7–2 to extend the trial until March.",
    "“We have waited long enough,” said Maria Okafor, who runs a bakery near the pier.",
    "Dr. Lena Brandt of the port authority said the hull was sound.",
    "Tickets cost £4.50, up from £3.80 last year.",
    "A spokesman for the operator declined to comment.",
    "The vote was held at 10 p.m. Turnout was low.",
    'She said: "Hide caption" was printed on the old timetable by mistake.',
    "In 2019 the route carried 1.2 million people, according to U.S. data.",
    "Mr. Ito, 54, has worked on the boats for 30 years.",
    "It is the first closure since the storm of 2014.",
)
HEADLINES = ("Harbour ferry returns after repairs", "Council extends ferry trial", "PORTHAVEN")
JUNK_LINES = (
    "Hide caption",
    "Toggle caption",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Share this: Facebook Twitter WhatsApp Email",
    "You may also like",
    "Read more",
    "Source link",
    "We use cookies to improve your experience.",
    "3 of 12 photos",
    "Sign up for our newsletter",
    "Image",
    "Photo: Jan Novak/Reuters",
    "Related:",
)
JUNK_INLINE = (
    "&amp;",
    "&#8217;",
    "&nbsp;",
    "â€™",
    "â€œ",
    "Ã©",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "the the",
    "and and",
    "  ",
    "\t",
    "<br>",
    "*",
    "…",
    "\u0301",
)
NEWLINES = ("\n", "\r\n", "\r")


@st.composite
def sentences_with_junk(draw: st.DrawFn) -> str:
    sentence = draw(st.sampled_from(SENTENCES))
    words = sentence.split(" ")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(words)))
        words.insert(at, draw(st.sampled_from(JUNK_INLINE)))
    if draw(st.booleans()) and len(words) > 3:
        at = draw(st.integers(0, len(words) - 1))
        words.insert(at, words[at])  # a doubled word
    return " ".join(words)


@st.composite
def damaged_articles(draw: st.DrawFn) -> str:
    """An article: a headline, paragraphs of (sometimes damaged) sentences and junk lines."""
    blocks = [draw(st.sampled_from(HEADLINES))] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "junk", "junk-in-paragraph", "random"]))
        if kind == "paragraph":
            blocks.append(" ".join(draw(st.lists(sentences_with_junk(), min_size=1, max_size=4))))
        elif kind == "junk":
            blocks.append(draw(st.sampled_from(JUNK_LINES)))
        elif kind == "junk-in-paragraph":
            blocks.append(draw(st.sampled_from(SENTENCES)) + "\n" + draw(st.sampled_from(JUNK_LINES)))
        else:
            blocks.append(draw(st.text(max_size=40)))
    gap = draw(st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n"]))
    text = gap.join(blocks) + draw(st.sampled_from(["\n", "", "\n\n"]))
    newline = draw(st.sampled_from(NEWLINES))
    if newline != "\n":
        text = text.replace("\n", newline)
    if draw(st.integers(0, 9)) == 0:
        text = "\ufeff" + text
    return text


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary text, and damaged articles, for properties that must hold on anything."""
    return st.one_of(st.text(), damaged_articles())
