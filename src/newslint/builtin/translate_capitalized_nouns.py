"""MT104 capitalised common noun: a common noun after an article, capitalised as if a name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.mt_lexicon import INSTITUTION_WORDS, NUMBER_WORDS, Analysis, analyse, is_capitalised
from newslint.rules import FixAvailability, Rule, rule

_ARTICLES = frozenset({"the", "a", "an", "this"})
# Nouns that house styles capitalise after "the" as the short form of a name or an office
# ("the Bank", "the Budget", "the Games", "the Left"): never flagged.
_STYLE_CAPITALS = INSTITUTION_WORDS | frozenset(
    [
        "bank", "fed", "budget", "bill", "act", "constitution", "commission", "committee", "union",
        "board", "ministry", "department", "agency", "authority", "inquiry", "review", "report",
        "trust", "fund", "exchange", "company", "firm", "group", "club", "team", "festival",
        "museum", "gallery", "project", "programme", "program", "scheme", "centre", "center",
        "hospital", "school", "college", "university", "institute", "foundation", "games", "open",
        "cup", "final", "finals", "league", "series", "masters", "championship", "championships",
        "tour", "classic", "derby", "world", "left", "right", "opposition", "coalition",
        "executive", "commons", "lords", "president", "chancellor", "speaker", "queen", "king",
        "pope", "prince", "princess", "minister", "secretary", "governor", "mayor", "chairman",
        "chief", "director", "bible", "web", "net", "moon", "earth", "sun", "north", "south",
        "east", "west", "city", "county", "state", "republic", "kingdom", "empire", "crown",
        "press", "times", "post", "guardian", "mail", "sun", "star", "observer", "independent",
        "office", "service", "force", "forces", "guard", "reserve", "mint", "pentagon",
        "kremlin", "vatican", "palace", "abbey", "cathedral", "castle", "tower", "bridge",
        "park", "square", "valley", "river", "lake", "mall", "strip", "bay", "island", "islands",
        "gulf", "channel", "plan", "deal", "accord", "treaty", "agreement", "convention",
        "charter", "code", "rules", "regulations", "directive", "order", "decree", "law",
        "resistance", "revolution", "war", "depression", "reformation", "enlightenment",
        "renaissance", "holocaust", "blitz", "troubles", "raj", "famine", "crash", "terror",
        "rising", "uprising", "partition", "emergency", "met", "hill", "street", "fringe",
        "proms", "tube", "underground", "continent", "mainland", "shard", "dome", "wall",
        # publications named "The ...": "the Economist said" beside "an economist at ING"
        "economist", "atlantic", "telegraph", "spectator", "herald", "tribune", "nation",
        "globe", "mirror", "express", "record", "verge", "conversation", "athletic",
        "information", "lancet", "stage", "grocer", "bookseller", "wire", "chronicle",
        "courier", "gazette", "journal", "standard", "statesman", "inquirer", "examiner",
        "bulletin", "advertiser", "echo", "sentinel", "dispatch", "critic", "tablet", "face",
    ]
)  # fmt: skip
# Roles that English writes in lower case before a person's name ("the substitute Dani
# Roca"): unlike President, Coach or Architect they are never a title. A capital on one
# is a German or MT habit.
ROLE_NOUNS = frozenset(
    [
        "substitute", "striker", "defender", "goalkeeper", "keeper", "midfielder", "winger",
        "sprinter", "climber", "rider", "cyclist", "driver", "player", "teammate", "veteran",
        "newcomer", "rookie", "youngster", "teenager", "winner", "debutant", "farmer", "worker",
        "nurse", "teacher", "student", "resident", "neighbour", "neighbor", "owner",
        "researcher", "scientist", "author", "writer", "artist", "singer", "actor", "actress",
        "pianist", "violinist", "composer", "photographer", "lawyer", "banker", "historian",
        "entrepreneur", "investor", "founder", "chef", "baker", "journalist", "reporter",
        "activist", "campaigner", "volunteer", "patient", "victim", "suspect", "defendant",
        "witness", "pensioner", "spokesman", "spokeswoman",
    ]
)  # fmt: skip
_NAME_LINKS = frozenset({"of", "for", "de", "del", "di", "du", "van", "von", "and", "&"})
# Illnesses English writes in lower case (eponyms such as Alzheimer's, Lyme or Ebola are
# left out). A translation from a source that capitalises them, or a German noun, leaves
# "diagnosed with Heatstroke".
_CONDITIONS = frozenset(
    [
        "heatstroke", "sunstroke", "dementia", "cancer", "pneumonia", "measles", "mumps",
        "diabetes", "influenza", "flu", "cholera", "malaria", "tuberculosis", "asthma",
        "hepatitis", "meningitis", "sepsis", "dehydration", "hypothermia", "frostbite",
        "leukaemia", "leukemia", "obesity", "typhoid", "dengue", "rabies", "polio",
        "smallpox", "bronchitis", "arthritis", "epilepsy", "anaemia", "anemia", "concussion",
        "diarrhoea", "diarrhea", "exhaustion", "scarlet", "chickenpox",
    ]
)  # fmt: skip
# The words before an illness: "diagnosed with", "died of", "suffering from", "cases of".
_CONDITION_LEADS = frozenset(
    [
        "diagnosed with", "ill with", "infected with", "sick with", "died of", "died from",
        "suffering from", "suffered from", "suffer from", "suffers from", "treated for",
        "hospitalised with", "hospitalized with", "admitted with", "cases of", "case of",
        "outbreak of", "symptoms of", "risk of", "signs of", "deaths from",
    ]
)  # fmt: skip


@rule(
    code="MT104",
    name="capitalized-common-noun",
    category=Category.CAPITALIZATION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The otter was seen at 23 sites. Locals say the Otter has returned for good.",
        "Critics say the Waiting Times have only moved. The waiting times grew anyway.",
        "The startup raised $14 million. The Startup said its tool works offline.",
        "The restoration took four years. He said the Restoration of the ceiling cost more.",
        "Roca came on in the 70th minute, and the Substitute Dani Roca equalised.",
        "Of those, 87 were diagnosed with Heatstroke severe enough to need intensive care.",
        "Two residents died of Cholera last week.",
    ),
    pass_=(
        "The Bank of England held rates. The Bank said bank lending slowed.",
        "The Restoration brought Charles II back. Its theatre was bawdy.",
        "The Treasury said the treasury bill auction went well.",
        "The Church of England said every church would open.",
        "The council met. The Otter Trust said otters were thriving.",
        "Shoppers flocked to Black Friday sales, and the Black Friday rush slowed.",
        "The substitute Dani Roca scored, and the Reverend Jane Hill and the Briton Andy Murray watched.",
        "He drove the Defender Classic Works home.",
        "She raised money for Cancer Research UK and died of Alzheimer's.",
        "The Breakaway, episode 214: a climber on losing time on purpose\n\nNo team lets him into the "
        "breakaway. The Breakaway is released every Thursday.\n",
    ),
)
def capitalized_common_noun(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a common noun capitalised after an article in mid-sentence ("the Otter has
    returned", "the Waiting Times have", "The Startup said") when the article itself
    writes the same noun in lower case elsewhere and never uses it capitalised as part
    of a name, or a role that English writes in lower case capitalised before a name
    ("the Substitute Dani Roca"), or an illness capitalised after its lead words
    ("diagnosed with Heatstroke", "died of Cholera"). Nouns that house styles capitalise as the short form of a name or office
    (`the Bank`, `the Budget`, `the Games`, `the Treasury`) are left alone.

    ## Why is this bad
    Translation from German (every noun capitalised) or from a source that capitalised a
    term makes a common noun look like a name; readers look for an organisation or a
    title of a work that does not exist.

    ## Example
    `the Otter has returned` -> `the otter has returned`

    ## Fix safety
    Unsafe: lowercase the word; an editor should confirm that no name is meant.
    """
    facts = analyse(doc)
    words = facts.words
    size = len(words)
    lower_counts: Counter[str] | None = None
    cap_counts: Counter[str] | None = None
    initial = facts.sentence_initial
    for i in facts.capitals:
        if i == 0 or i + 1 >= size or not facts.prose[i] or not facts.prose[i - 1]:
            continue
        if words[i].lower() in _CONDITIONS and _after_condition_lead(doc, facts, i):
            lowered = words[i].lower()
            span = facts.tokens[i].span
            yield Violation(
                span,
                f"Common noun `{words[i]}` capitalised in mid-sentence",
                Fix.unsafe(f"Lowercase to `{lowered}`", Edit(span, lowered)),
            )
            continue
        prev = words[i - 1]
        if prev.lower() not in _ARTICLES or not facts.spaced[i - 1]:
            continue
        if not prev.islower() and (i - 1) not in initial:
            continue  # "Hotel The Grand": the article is itself part of a name
        word = words[i]
        if not _is_common_noun(word) or doc.is_accepted(word):
            continue
        if cap_counts is None:
            cap_counts = _name_capitals(doc, facts)
        if _is_role_before_name(facts, i) and cap_counts[word] == 1:
            lowered = word.lower()
            yield Violation(
                facts.tokens[i].span,
                f"Role `{word}` capitalised before a name",
                Fix.unsafe(f"Lowercase to `{lowered}`", Edit(facts.tokens[i].span, lowered)),
            )
            continue
        last = i  # the last capitalised word of the phrase: "Waiting Times"
        if facts.spaced[i] and _is_common_noun(words[i + 1], styled=True) and i + 2 < size:
            last = i + 1
        after = words[last + 1] if last + 1 < size else ""
        if not facts.spaced[last] or not after.islower() or not facts.prose[last]:
            continue
        if after in _NAME_LINKS and last + 2 < size and words[last + 2][:1].isupper():
            continue  # "the Church of England"
        if lower_counts is None:
            lower_counts = facts.lower_counts
        phrase = words[i : last + 1]
        if any(cap_counts[w] > 1 for w in phrase):
            continue  # capitalised elsewhere too: a name the article uses
        if not _has_lower_twin(words, lower_counts, [w.lower() for w in phrase]):
            continue
        span = Span(facts.tokens[i].start, facts.tokens[last].end)
        found = doc[span]
        lowered = found.lower()
        yield Violation(
            span,
            f"Common noun `{found}` capitalised in mid-sentence",
            Fix.unsafe(f"Lowercase to `{lowered}`", Edit(span, lowered)),
        )


def _after_condition_lead(doc: Document, facts: Analysis, i: int) -> bool:
    """`diagnosed with Heatstroke severe enough`: an illness after its lead, then lower case."""
    words = facts.words
    if i < 2 or not facts.spaced[i - 1] or not facts.spaced[i - 2] or doc.is_accepted(words[i]):
        return False
    if f"{words[i - 2]} {words[i - 1]}" not in _CONDITION_LEADS:
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    if after[:1].isupper() and facts.spaced[i]:
        return False  # "cases of Cancer Research UK": a name
    return facts.cap_mid_count(words[i]) <= 1


def _is_role_before_name(facts: Analysis, i: int) -> bool:
    """``the Substitute Dani Roca``: a role noun after a lower-case "the", then a two-word name."""
    words = facts.words
    if words[i].lower() not in ROLE_NOUNS or words[i - 1] != "the" or i + 2 >= len(words):
        return False
    first, last = words[i + 1], words[i + 2]
    return (
        facts.spaced[i]
        and facts.spaced[i + 1]
        and is_capitalised(first)
        and is_capitalised(last)
        and first.lower() not in ROLE_NOUNS
        and min(zipf(first), zipf(last)) < 4.0  # "the Defender Classic Works": a product, not a person
        and (i + 3 >= len(words) or not is_capitalised(words[i + 3]) or not facts.spaced[i + 2])
    )


def _is_common_noun(word: str, styled: bool = False) -> bool:
    """A capitalised, frequent English word, not closed-class nor (unless ``styled``) a styled institution."""
    if not is_capitalised(word):
        return False
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in NUMBER_WORDS or (not styled and lower in _STYLE_CAPITALS):
        return False
    return zipf(lower) >= 3.0


def _name_capitals(doc: Document, facts: Analysis) -> Counter[str]:
    """How often each word is capitalised in the body, leaving out plain sentence openers ("Otters are").

    Headline and heading lines count only when written in sentence case ("The Breakaway,
    episode 214: a climber on losing time"): title case capitalises every word.
    """
    words, initial, skipped = facts.words, facts.sentence_initial, facts.skipped
    size = len(words)
    counts: Counter[str] = Counter()
    sentence_case: dict[int, bool] = {}
    for i in facts.capitals:  # only the tokens that start with a capital
        if skipped[i]:
            line = doc.line_index(facts.tokens[i].start)
            if line not in sentence_case:
                sentence_case[line] = _is_sentence_case(doc.line_texts[line])
            if sentence_case[line] and doc.line_starts[line] < facts.tokens[i].start - 1:
                counts[words[i]] += 1
            continue
        opener = i in initial and (i + 1 >= size or words[i + 1].islower())
        if not opener:
            counts[words[i]] += 1
    return counts


def _is_sentence_case(line: str) -> bool:
    """A heading whose content words are mostly lower case: its capitals mark names."""
    content = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return len(content) >= 3 and sum(w[:1].islower() for w in content) * 2 > len(content)


def _has_lower_twin(words: tuple[str, ...], lower_counts: Counter[str], phrase: list[str]) -> bool:
    """The article writes the noun (or its plural), or the two-word phrase, in lower case."""
    if len(phrase) == 1:
        noun = phrase[0]
        return lower_counts[noun] > 0 or lower_counts[noun + "s"] > 0 or lower_counts[noun + "es"] > 0
    first, second = phrase
    if lower_counts[first] == 0 or lower_counts[second] == 0:
        return False
    return any(a == first and b == second for a, b in pairwise(words))


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(capitalized_common_noun)
