"""MT903 untranslated abbreviations: a translator's source-language abbreviation left in English."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

# Abbreviations of German, Dutch, Polish, Czech, the Scandinavian and Romance languages
# with their English sense. Left out on purpose: those English also writes (ca., cf.,
# etc., e.g., resp., ok., env., no., vs.), and those that are names or units in English
# text (Nr., r., mln, which English wire copy also uses).
FOREIGN_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    # German
    "bzw.": ("German", "or"),
    "z.B.": ("German", "for example"),
    "z. B.": ("German", "for example"),
    "usw.": ("German", "and so on"),
    "u.a.": ("German", "among others"),
    "u. a.": ("German", "among others"),
    "d.h.": ("German", "that is"),
    "d. h.": ("German", "that is"),
    "vgl.": ("German", "compare"),
    "ggf.": ("German", "if necessary"),
    "evtl.": ("German", "possibly"),
    "inkl.": ("German", "including"),
    "sog.": ("German", "so-called"),
    "bspw.": ("German", "for example"),
    "z.T.": ("German", "partly"),
    "zzgl.": ("German", "plus"),
    # Dutch
    "o.a.": ("Dutch", "among others"),
    "bijv.": ("Dutch", "for example"),
    "d.w.z.": ("Dutch", "that is"),
    "i.p.v.": ("Dutch", "instead of"),
    "m.b.t.": ("Dutch", "regarding"),
    # Polish
    "tzw.": ("Polish", "so-called"),
    "np.": ("Polish", "for example"),
    "m.in.": ("Polish", "among others"),
    "godz.": ("Polish", "at"),
    "tj.": ("Polish", "that is"),
    "tys.": ("Polish", "thousand"),
    # Czech and Slovak
    "tzv.": ("Czech", "so-called"),
    "např.": ("Czech", "for example"),
    "atd.": ("Czech", "and so on"),
    "apod.": ("Czech", "and the like"),
    "atp.": ("Czech", "and the like"),
    # Polish
    "itd.": ("Polish", "and so on"),
    "itp.": ("Polish", "and the like"),
    # Dutch
    "enz.": ("Dutch", "and so on"),
    # Scandinavian
    "bl.a.": ("Swedish", "among others"),
    "t.ex.": ("Swedish", "for example"),
    "f.eks.": ("Norwegian", "for example"),
    "osv.": ("Swedish", "and so on"),
    "dvs.": ("Swedish", "that is"),
    # Romance
    "c.-à-d.": ("French", "that is"),
    "p. ex.": ("French", "for example"),
    "p.ex.": ("Portuguese", "for example"),
    "p.ej.": ("Spanish", "for example"),
    "aprox.": ("Spanish", "approximately"),
    "ecc.": ("Italian", "and so on"),
    "EE.UU.": ("Spanish", "US"),
}
# "And so on" abbreviations close a list, so they also stand before a comma or at the end
# of a sentence ("electricians apod.."), where the others never do.
LIST_ENDINGS = frozenset(
    abbreviation for abbreviation, (_, gloss) in FOREIGN_ABBREVIATIONS.items() if gloss.startswith("and ")
)
# Thousand-unit abbreviations that follow a number: "4,2 Mrd. Euro".
NUMBER_UNITS: dict[str, tuple[str, str]] = {
    "Mio.": ("German", "million"),
    "Mrd.": ("German", "billion"),
    "Tsd.": ("German", "thousand"),
}
# Currency signs of the source language after an amount: "14.6 million zł". English
# writes the currency's name or its ISO code (zlotys, PLN; korunas, CZK).
CURRENCY_SIGNS: dict[str, tuple[str, str]] = {
    "zł": ("Polish", "zlotys"),
    "Kč": ("Czech", "korunas"),
}
# Number words of East and Southeast Asian languages between an amount and its currency:
# Korean "1,200 eok won" (억, hundred million), Vietnamese "1,8 triệu đồng" (million).
COUNT_WORDS: dict[str, tuple[str, str]] = {
    "eok": ("Korean", "hundred million"),
    "oku": ("Japanese", "hundred million"),
    "wan": ("Chinese", "ten thousand"),
    "triệu": ("Vietnamese", "million"),
    "tỷ": ("Vietnamese", "billion"),
    "nghìn": ("Vietnamese", "thousand"),
    "ngàn": ("Vietnamese", "thousand"),
    "juta": ("Indonesian", "million"),
    "miliar": ("Indonesian", "billion"),
    "ribu": ("Indonesian", "thousand"),
    "triliun": ("Indonesian", "trillion"),
}
# Number words that are never English: after an amount they need no currency after them
# ("Rp 4,2 miliar", "3 milyar lira", "12 millones de euros").
BARE_COUNT_WORDS: dict[str, tuple[str, str]] = {
    "miliar": ("Indonesian", "billion"),
    "milyar": ("Indonesian", "billion"),
    "juta": ("Indonesian", "million"),
    "triliun": ("Indonesian", "trillion"),
    "triệu": ("Vietnamese", "million"),
    "tỷ": ("Vietnamese", "billion"),
    "millones": ("Spanish", "million"),
    "milhões": ("Portuguese", "million"),
    "bilhões": ("Portuguese", "billion"),
    "milioni": ("Italian", "million"),
    "miliardi": ("Italian", "billion"),
    "milliards": ("French", "billion"),
    "Millionen": ("German", "million"),
    "Milliarden": ("German", "billion"),
    "milyon": ("Turkish", "million"),
    # Czech and Slovak abbreviations ("800 mil. Kč", "2 mld. korun"), Portuguese and Spanish
    # "mil" (thousand: "12 mil doses")
    "mil.": ("Czech", "million"),
    "mld.": ("Czech", "billion"),
    "mil": ("Portuguese", "thousand"),
}
_CURRENCY_NAMES = "won|yen|yuan|renminbi|RMB|đồng|dong|VND|rupiah|IDR|KRW|JPY|CNY"
# Street words of the source language, abbreviated before the street's name: Polish
# "ul. Lipowa", Spanish "Avda. de la Paz", Italian "p.zza Garibaldi". English writes
# "Lipowa Street" or the name alone. "al." is left alone after "et" ("et al. Smith").
STREET_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "ul.": ("Polish", "street"),
    "al.": ("Polish", "avenue"),
    "Avda.": ("Spanish", "avenue"),
    "avda.": ("Spanish", "avenue"),
    "p.zza": ("Italian", "square"),
    "P.zza": ("Italian", "square"),
    "v.le": ("Italian", "avenue"),
    "V.le": ("Italian", "avenue"),
    "str.": ("German", "street"),
}


@cache
def foreign_abbreviation_re() -> re.Pattern[str]:
    """One scan for every abbreviation, longest first so that `u. a.` wins over `u.a.`."""
    words = sorted(FOREIGN_ABBREVIATIONS, key=len, reverse=True)
    plain = "|".join(map(re.escape, words))
    units = "|".join(map(re.escape, NUMBER_UNITS))
    signs = "|".join(map(re.escape, CURRENCY_SIGNS))
    counts = "|".join(map(re.escape, COUNT_WORDS))
    bare = "|".join(map(re.escape, BARE_COUNT_WORDS))
    streets = "|".join(map(re.escape, sorted(STREET_ABBREVIATIONS, key=len, reverse=True)))
    # Not glued to a word or a dot before, and followed by a space and a word: "np.array"
    # in code and "u.a.s" are not abbreviations of prose.
    endings = "|".join(map(re.escape, sorted(LIST_ENDINGS, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w.])(?:(?P<word>{plain})(?=\s+[\w$€£\d(])|(?P<ending>{endings})(?=[.,;:)]|\s*$)"
        rf"|(?<=\d )(?P<unit>{units})(?=\s+[\w$€£\d(])"
        # an amount's currency sign: "14.6 zł", "14,6 mln zł" (not glued to a word after)
        rf"|(?:(?<=\d )|(?<=\d\xa0)|(?<=mln )|(?<=mld )|(?<=million )|(?<=billion )|(?<=tys\. ))(?P<sign>{signs})(?!\w)"
        # a number word between an amount and its currency: "1,200 eok won"
        rf"|(?<=\d )(?P<count>{counts})(?=\s+(?:{_CURRENCY_NAMES})\b)"
        rf"|(?<=\d )(?P<bare>{bare})(?![\w-])"
        # a street word before a capitalised name, not the "al." of "et al."
        rf"|(?<!et )(?P<street>{streets})(?=\s?(?:(?:de la|de|del|di|della|dei)\s)?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-ÿā-ž]))",
        re.MULTILINE,
    )


@rule(
    code="MT903",
    name="untranslated-abbreviation",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "All patients who need an artificial hip bzw. knee go onto one list.",
        "The new line will cross the tzw. Suwałki Gap near the border.",
        "Several towns, u.a. Lübeck and Kiel, joined the scheme.",
        "The plan costs 4.2 Mrd. euros over ten years.",
        "Some members, np. the farmers' union, opposed the deal.",
        "Prices rose for staples, bijv. bread and milk.",
        "Several players work as teachers, electricians apod..",
        "Shops sell bread, milk, cheese itd., as before.",
        "The contractor must pay a penalty of 14.6 million zł for the delay.",
        "The city fined the firm 2 mln zł last year.",
        "A substation on ul. Lipowa failed its first load test.",
        "The shop on Avda. de la Constitución reopened on Monday.",
        "Tickets cost 250 Kč at the door.",
        "The developer will pay 1,200 eok won into a fund for fishermen.",
        "A bed costs 1,8 triệu đồng a month.",
        "The city received 12 mil doses, and the hops are worth about 800 mil. Kč a year.",
        "The regent received Rp 3,5 miliar from two firms.",
        "The club spent 40 millones on new players.",
    ),
    pass_=(
        "The castle was built ca. 1350, cf. the survey of 1402.",
        "Imports, e.g. steel, fell; exports rose, etc.",
        "The script called np.array on the data.",
        "He met Dr. Mio. Then he left.",
        '"Die Kosten, z.B. für Energie, steigen," sagte er.',
        "The app calls itp.parse on the feed and stores the result.",
        "The study by Kowalski et al. Smith disagreed.",
        "The deal is worth 312 million zlotys (PLN 312m).",
        "He met Zła Nowak and the złoty fell; a bone called the os. The pass was closed.",
        "Smith et al. Reported a rise in 2020.",
        "The loan of 380 billion dong and 12 wan were noted; he met 3 Wan Chai traders.",
        "The greenhouse uses a 6 mil-thick plastic sheet.",
    ),
)
def untranslated_abbreviation(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags abbreviations of the source language that a translation left in English prose:
    German `bzw.`, `z.B.`, `u.a.`, `d.h.`, Dutch `o.a.`, `bijv.`, Polish `tzw.`, `np.`,
    `m.in.`, Scandinavian `bl.a.`, `t.ex.`, Spanish `p.ej.`, `EE.UU.`, and `Mio.`/`Mrd.`
    after a number; a currency sign after an amount (`14.6 million zł`, `250 Kč`) and
    a street word abbreviated before a street's name (`ul. Lipowa`, `Avda. de la Paz`),
    and a number word between an amount and its currency (`1,200 eok won`, `1,8 triệu đồng`). Abbreviations English also writes (`ca.`, `cf.`, `etc.`) are not on
    the list; quotes are left alone.

    ## Why is this bad
    The reader of an English article cannot expand a German or Polish abbreviation: the
    sentence loses the word that links its parts.

    ## Example
    `an artificial hip bzw. knee` -> `an artificial hip or knee`

    ## Fix safety
    Display-only: the English sense is shown, and the sentence may need rewording.
    """
    text = doc.text
    for match in foreign_abbreviation_re().finditer(text):
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        found = match.group()
        if match.group("sign"):
            language, gloss = CURRENCY_SIGNS[found]
            fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
            yield Violation(span, f"Untranslated {language} currency sign `{found}`", fix)
            continue
        if match.group("count") or match.group("bare"):
            language, gloss = COUNT_WORDS.get(found) or BARE_COUNT_WORDS[found]
            fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
            yield Violation(span, f"Untranslated {language} number word `{found}`", fix)
            continue
        if match.group("street"):
            language, gloss = STREET_ABBREVIATIONS[found]
            yield Violation(span, f"Untranslated {language} street abbreviation `{found}`")
            continue
        language, gloss = FOREIGN_ABBREVIATIONS.get(found) or NUMBER_UNITS[found]
        fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
        yield Violation(span, f"Untranslated {language} abbreviation `{found}`", fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_abbreviation)
