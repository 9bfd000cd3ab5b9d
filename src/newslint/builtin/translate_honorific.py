"""MT4xx honorific: personal titles on organisations, doubled titles, foreign honorifics."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.entities import is_given_name
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.mt_lexicon import finditer_where, without_leading_boundary
from newslint.rules import FixAvailability, Rule, rule

_TITLE = r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Madam|Dame|Doctor)\.?"
_CAP = r"[A-Z][\w’'\-]*"
ORGANISATION_HEADS = (
    "Newspapers?|Agency|Agencies|Ministry|Ministries|Institute|Institution|Observatory|University|"
    "Party|Times|News|Company|Corporation|Committee|Department|Office|Association|"
    "Foundation|Centre|Center|Commission|Authority|Herald|Gazette|Journal|Network|"
    "Organisation|Organization|Federation|Bureau|Academy|Hospital|Museum|Council|"
    "Parliament|Assembly|Government|Administration|Laboratory|Laboratories|Airlines?|"
    "Railways?|Television|Tribune|Magazine|Society|Club|Ltd|Inc|Corp"
)
# Heads that are also surnames ("Dr. Emily Post", "Mrs. Margaret Court"): they need two
# capitalised words before them, as "Dr Rodong Sinmun Newspapers" has.
SURNAME_HEADS = "Post|Court|Press|Bank|Union|Service|Station|Daily|Weekly|Radio|Group|Fund|Board"
# A title, then up to five capitalised words, ending in an organisation's head noun.
TITLE_ON_ORG_RE = re.compile(
    rf"\b(?P<title>{_TITLE})\s+(?P<org>(?:{_CAP}\s+){{0,4}}(?:{ORGANISATION_HEADS})\b"
    rf"|(?:{_CAP}\s+){{2,4}}(?:{SURNAME_HEADS})\b"
    rf"|(?:Ministry|Department|University|Institute|Bank|Office)\s+of\b)"
)
_OFFICES = (
    "Minister|Secretary|Chairman|Chairwoman|Chair|President|Director|Governor|Mayor|Ambassador|"
    "Chancellor|Premier|Commissioner|Chief|General|Prime|Deputy|Vice|Senator|Judge|Prosecutor|"
    "Spokesman|Spokeswoman|Spokesperson|Manager|Inspector|Engineer|Professor|Prof|Doctor|Dr|"
    # offices of other countries that a translation addresses as "Madame la Préfète",
    # "Señora Magistrada", "pan radny": never surnames in English text
    "Prefect|Magistrate|Councillor|Councilor|Consul|Notary|Rector|Attorney|Ombudsman"
)
# Offices that open a longer address form ("Mr Deputy Speaker", "Mr. Prime Minister"):
# after them, a capital is the rest of the office, not a surname.
_ADDRESS_WORDS = rf"(?:{_OFFICES}|Speaker|Justice|Minister|President|Secretary)"
# "Mr. Minister of Transport said", "Sir Chairman", "Mr Dr Smith": address forms and
# stacked titles. "Mr. Speaker" and "Mr. President" in direct address stay legitimate.
# The full patterns compile on first use (~2 ms each, twice with the unanchored copy), and
# only when an article holds a candidate: few do.
_DOUBLED_TITLE = (
    rf"\b(?P<title>(?:Mr|Mrs|Ms|Mister|Madam|Madame|Sir|Dame)\.?)\s+(?P<the>the\s+)?(?P<office>(?:{_OFFICES})\b\.?)"
    rf"(?P<tail>\s+of\s+(?:the\s+)?{_CAP}|(?=\s+(?:said|says|told|added|announced|stated|noted|warned)\b)"
    # or a surname straight after the office: "said Mr. Minister Nowicki" (Polish "pan minister")
    rf"|(?=\s+(?!{_ADDRESS_WORDS}\b)[A-Z][a-zà-ÿ]+\b(?!\s+(?:of|for)\b)))?"
)
# Matches wherever _DOUBLED_TITLE does: its prefix without the optional tail and the \b.
_DOUBLED_TITLE_CANDIDATE = rf"(?:Mr|Mrs|Ms|Mister|Madam|Madame|Sir|Dame)\.?\s+(?:the\s+)?(?:{_OFFICES})\b"
_FOREIGN_HONORIFIC = (
    r"\b(?P<title>Herr|Frau|Fräulein|Senhor|Senhora|Señor|Señora|Señorita|Monsieur|Mademoiselle|Dona|"
    # Vietnamese academic titles: PGS.TS. (associate professor, doctor), GS., ThS. (master)
    r"(?:PGS|GS|ThS|TS)\.(?:(?:TS|ThS|BS|KH)\.)?|"
    r"Signor|Signora|Signore|Signorina|Senor|Senora|Senorita|Doña|Mme\.?|Mlle\.?|Mevrouw|Meneer|Heer|Gospodin|Gospozha|Sayın|Engineer|Eng\.|"
    r"Ing\.|Architect|Licenciado|Licenciada|Doutor|Doutora|Doktor|Sra\.|Srta\.|Dña\.|"
    # Italian, Polish and Dutch abbreviated titles: dottore/dottoressa, avvocato, signore/signora,
    # inżynier, mevrouw, de heer
    r"Dott\.(?:ssa)?|Dr\.ssa|Prof\.ssa|Avv\.|Sig\.(?:ra|na)?|Inż\.|Mevr\.|Dhr\.|"
    # Greek κ./κα. (kyrios/kyria), Russian г-н/г-жа (gospodin/gospozha), Romanian dl./dna.
    # (domnul/doamna): abbreviated "Mr"/"Mrs" that a translation passes through
    # Czech and Slovak degrees (MUDr., JUDr.; not Mgr., also Monsignor), German Dipl.-Ing., Polish "dr hab.",
    # Hungarian and Polish lower-case "dr.", Spanish Lic./Arq., Portuguese Dr.ª/Eng.º
    r"MUDr\.|JUDr\.|PhDr\.|RNDr\.|MVDr\.|PaedDr\.|Dipl\.-Ing\.|dr\s+hab\.|dr\.|Lic\.|Arq\.|Dr\.ª|Eng\.º|"
    r"κ\.|κα\.|κ\.κ\.|[Гг]-н|[Гг]-жа|(?<!\d )(?:dl|dna)\.|"
    # Dutch abbreviations in lower case: mr. (law), ir. (engineering), drs., ing., dhr., mevr.
    r"mr\.|ir\.|drs\.|ing\.|dhr\.|mevr\.|"
    # Swahili Mheshimiwa (the Honourable), Bwana (Mr), Ndugu (comrade); Indonesian and Malay
    # Bapak/Ibu, Encik/Puan; Vietnamese Ông/Bà; Persian Aghaye/Khanom: "Mr"/"Mrs" left in
    r"Mheshimiwa|Mhe\.|Bwana|Ndugu|Bapak|Ibu|Encik|Puan|Ông|Bà|Aghaye|Agha-ye|Khanom|"
    # Finnish "diplomi-insinööri", German "Diplom-Ingenieur", Russian "kandidat nauk":
    # a degree used as a title before the name
    r"Diploma\s+(?:Engineer|Economist|Architect|Psychologist)|Diplom-Ingenieur|Graduate\s+Engineer|"
    r"Master\s+of\s+(?:Science|Arts|Economics|Engineering|Laws)|Candidate\s+of\s+(?:\w+\s+)?Sciences?)"
    # "Ibu Kota" (capital city) and "Bà Rịa" (a province) are names, not titles
    r"\s+(?P<name>(?!Kota\b|Rịa\b|Ria\b)[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯĐ][\w’'\-]+)"
    # Dutch "mr." (a law degree) translated as "Master", trusted only before a given name and
    # a surname: "Master Sergeant" and "Master Wong" are English
    # Spanish "Licenciada" translated as "Graduate" is trusted the same way
    r"|\b(?P<master>Master|Graduate|Licentiate)\s+(?P<given>[A-Z][a-z]+)(?=\s+(?:(?:van|de|der|den|ter|von)\s+)*[A-Z][a-z])"
    # Turkish puts the title after the given name: "Selin Yıldız Hanım", "Ahmet Bey"
    r"|(?<=[a-zçğıöşüáéíóőúű] )(?P<after>Hanım|Hanim|Hanımefendi|Beyefendi|Bey|úr|asszony)\b(?!\s+[A-Z])"
    # Turkish "Zeynep Hoca" (a coach or teacher addressed by the given name), left as it is
    # or translated as "Zeynep Teacher": English puts no title after a given name
    r"|(?<=[a-zçğıöşü] )(?P<teacher>Hoca|Hocam|Öğretmen|Teacher)\b(?![\w’'-]|\s+[A-Z])"
    # Hindi and Urdu put a respectful "ji" or "sahab" after the name: "Meena ji", "Patil-saheb"
    r"|(?<=[a-z][ -])(?P<ji>ji|jee|sahab|saheb|sahib)\b(?![\w’'-]|\s+[A-Z])"
)
# Every match of _FOREIGN_HONORIFIC starts with one of these strings (prefixes of its titles):
# a scan for them finds the candidates with a literal search, where the pattern itself, with
# its look-behinds, would be tried at every position of the text.
_FOREIGN_TITLE_STARTS = (
    "Herr", "Frau", "Fräulein", "Senhor", "Señor", "Monsieur", "Mademoiselle", "Signor", "Senor", "Doña",
    "Mme", "Mlle", "Mevrouw", "Meneer", "Heer", "Gospodin", "Gospozha", "Sayın", "Engineer", "Eng.",
    "Ing.", "Architect", "Licenciad", "Doutor", "Doktor", "Sra.", "Srta.", "Dña.", "Dott.", "Dr.ssa",
    "Prof.ssa", "Avv.", "Sig.", "Inż.", "Mevr.", "Dhr.", "Master", "Hanım", "Hanim", "Bey",
    "κ.", "κα.", "Г-н", "г-н", "Г-жа", "г-жа", "dl.", "dna.", "Hoca", "Öğretmen", "Teacher", "Dona",
    "PGS.", "GS.", "ThS.", "TS.", "mr.", "ir.", "drs.", "ing.", "dhr.", "mevr.", "úr", "asszony",
    "Graduate", "Licentiate", "Dr.ª", "Mheshimiwa", "Mhe.", "Bwana", "Ndugu", "Bapak", "Ibu", "Encik",
    "Puan", "Ông", "Bà", "Aghaye", "Agha-ye", "Khanom", "Diplom", "Candidate", "Dipl.", "dr", "Lic.", "Arq.", "Eng.º", "ji", "jee", "sahab", "saheb", "sahib", "MUDr.", "JUDr.", "PhDr.", "RNDr.", "MVDr.", "PaedDr.",
)  # fmt: skip


# "The Mr. Mayor" (Greek "o k. Dimarchos"), "Mr. Deputy Mayor Andrei Ionescu" (Romanian
# "domnul viceprimar"), "Mister Colonel Oleksandr Hnatiuk" (Ukrainian "pan polkovnyk"): an
# article before an honorific on an office, or an honorific on a two-word office or a
# military rank before a name.
_ARTICLE_OR_RANK_TITLE_RE = re.compile(
    rf"\b(?P<the>[Tt]he\s+)(?P<title>(?:Mr|Mrs|Ms|Mister|Madam|Madame)\.?)(?=\s+(?:{_OFFICES})\b)"
    rf"|\b(?P<rank_title>(?:Mr|Mrs|Ms|Mister|Madam|Madame)\.?)\s+"
    rf"(?P<office>(?:Deputy|Vice)\s+(?:{_OFFICES})|Colonel|Lieutenant|Sergeant|Admiral|Commander|Captain|Brigadier)"
    r"(?=\s+[A-Z][a-zà-ÿ]+\s+[A-Z])"
)


@cache
def doubled_title_re() -> re.Pattern[str]:
    return re.compile(_DOUBLED_TITLE)


@cache
def _doubled_title_candidates() -> re.Pattern[str]:
    return re.compile(_DOUBLED_TITLE_CANDIDATE)


@cache
def foreign_title_starts_re() -> re.Pattern[str]:
    # One scan for all the starts (<1 ms to compile): faster than a substring test per start.
    return re.compile("|".join(map(re.escape, _FOREIGN_TITLE_STARTS)))


@cache
def foreign_honorific_re() -> re.Pattern[str]:
    return re.compile(_FOREIGN_HONORIFIC)


_SURNAME_AFTER_RE = re.compile(r"\s+[A-Z][a-zà-ÿ]+\b(?<!said)")
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:at|by|from|of|with|for|in|on|to|into|and)\s+\Z")


def _outside_quote(doc: Document, span: Span) -> bool:
    return not doc.in_quote(span) and not doc.is_ignored(span)


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+\Z")


def _after_capitalised_word(doc: Document, start: int) -> bool:
    before = _WORD_BEFORE_RE.search(doc.text, max(0, start - 30), start)
    return before is not None and before.group(1)[0].isupper()


@rule(
    code="MT401",
    name="title-on-organization",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The letter was published in Dr Rodong Sinmun Newspapers on Monday.",
        "The survey was carried out by researchers at Dr Nordic Ice Observatory.",
        "Figures from Professor Ministry of Finance showed a deficit.",
    ),
    pass_=(
        "Dr. Amina Yusuf, a cardiologist, led the study.",
        "Professor Alan Reid of the University of Leeds said the data were clear.",
        "Dr Martens boots sold well.",
        "Dr. Emily Post wrote about etiquette, and Mrs. Margaret Court won titles.",
    ),
)
def title_on_organization(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a personal title (Dr, Mr, Professor...) placed before the name of an
    organisation or publication: "Dr Rodong Sinmun Newspapers", "Professor Ministry of
    Finance", "at Dr Nordic Ice Observatory".

    ## Why is this bad
    Translation software that mistakes a name for a person's adds a title; a newspaper
    or a ministry cannot be a doctor, and the slip marks the text as machine output.

    ## Example
    `researchers at Dr Nordic Ice Observatory` -> `researchers at the Nordic Ice Observatory`

    ## Fix safety
    Unsafe: the title is deleted (replaced with "the" after a preposition).
    """
    for match in finditer_where(TITLE_ON_ORG_RE, without_leading_boundary(TITLE_ON_ORG_RE), doc.text):
        span = Span(match.start("title"), match.end("title"))
        if not _outside_quote(doc, span):
            continue
        end = match.start("org")
        before = doc.text[max(0, span.start - 12) : span.start]
        if _PREPOSITION_BEFORE_RE.search(before):
            fix = Fix.unsafe("Replace the title with `the`", Edit(Span(span.start, end), "the "))
        else:
            fix = Fix.unsafe(f"Delete `{match.group('title')}`", Edit.deletion(Span(span.start, end)))
        org = " ".join(match.group("org").split())
        yield Violation(span, f"Personal title `{match.group('title')}` on an organisation: `{org}`", fix)


@rule(
    code="MT402",
    name="mistranslated-title",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Mr. Minister of Transport said on Wednesday that a mediator would be appointed.",
        "Sir Chairman opened the meeting.",
        "The contract was signed by Mr Dr Hans Keller.",
        "Question: Mr. Prof. Dr. Vogt, how long do patients wait?",
        '"It is a security project," said Mr. Minister Nowicki after the signing.',
        "Mrs. Mayor Lindqvist opened the bridge.",
        "Mister Governor Okafor signed the decree on Friday.",
        "Madam the Prefect of the Loire told reporters that roads were closed.",
        "The ruling was read by Mrs. Magistrate Elena Ruiz.",
        "The Mr. Mayor, Nikos Chatzidakis, said the island was not against tourism.",
        "Mr. Deputy Mayor Andrei Ionescu, who proposed the measure, spoke first.",
        "said Mister Colonel Oleksandr Hnatiuk, who commands the school.",
    ),
    pass_=(
        '"Mr. Speaker, families are struggling," the minister said.',
        "Mr. Speaker called the house to order.",
        "Madam Secretary thanked the committee.",
        "Sir Keir Starmer spoke first.",
        "Mr Deputy Speaker called the next member.",
        "Mr. Prime Minister, the house is waiting for an answer.",
        "Mr. President, Ukraine is grateful, the ambassador said.",
        "Mister President, the people are waiting, the senator said.",
        "The Mr. Universe contest and the Mr. Men books; Mr Deputy Speaker called the vote.",
        "Mr. Captain, the crew is ready, he said. Mrs. Major Smith is a character.",
    ),
)
def mistranslated_title(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags an honorific stacked on an office or another title: "Mr. Minister of
    Transport said", "Sir Chairman", "Mr Dr Keller". Parliamentary and formal address
    ("Mr. Speaker", "Madam Secretary") is left alone unless it carries "of ..." or is
    used as the subject of a reporting verb.

    ## Why is this bad
    Many languages address officials as "Mr. Minister"; English news names the office
    ("the transport minister") or the person. The literal form marks machine translation.

    ## Example
    `Mr. Minister of Transport said` -> `The Minister of Transport said`

    ## Fix safety
    Unsafe: the honorific is replaced with "the" (or deleted before a second title).
    """
    found = list(_doubled_titles(doc))
    yield from found
    if "Mr" in doc.text or "Mis" in doc.text or "Mad" in doc.text:
        yield from _article_or_rank_titles(doc, {v.span.start for v in found})


def _article_or_rank_titles(doc: Document, flagged: set[int]) -> Iterator[Violation]:
    """`The Mr. Mayor`, `Mr. Deputy Mayor Andrei Ionescu`, `Mister Colonel Oleksandr Hnatiuk`."""
    for match in _ARTICLE_OR_RANK_TITLE_RE.finditer(doc.text):
        if match.group("the"):
            span = Span(match.start("the"), match.end("title"))
            title = match.group("title")
            found = f"{match.group('the').strip()} {title}"
            message = f"Honorific after an article: `{found}`"
        else:
            span = Span(match.start("rank_title"), match.end("office"))
            title = match.group("rank_title")
            message = f"Honorific on an office: `{title} {' '.join(match.group('office').split())}`"
        title_start = match.start("title") if match.group("the") else span.start
        if title_start in flagged or span.start in flagged or not _outside_quote(doc, span):
            continue
        cut = Span(title_start, title_start + len(title) + 1)
        yield Violation(span, message, Fix.unsafe(f"Delete `{title}`", Edit.deletion(cut)))


def _doubled_titles(doc: Document) -> Iterator[Violation]:
    """`Mr. Minister of Transport said`, `Sir Chairman`, `Mr Dr Keller`."""
    candidates = _doubled_title_candidates()
    text = doc.text
    matches = finditer_where(doubled_title_re(), candidates, text) if candidates.search(text) else ()
    for match in matches:
        title, office = match.group("title"), match.group("office").rstrip(".")
        # "Madam the Prefect" (French "Madame la Préfète"): English never puts an
        # article between an honorific and an office
        with_article = match.group("the") is not None
        stacked = title.startswith("Sir") or office in {"Dr", "Doctor", "Professor", "Prof"}
        if not stacked and not with_article and match.group("tail") is None:
            continue
        if title.startswith("Sir") and office in {"Professor", "Doctor", "Dr", "General"}:
            continue  # "Sir Professor" is odd but "Sir General" is unheard; stay quiet
        span = Span(match.start("title"), match.end("title"))
        if not _outside_quote(doc, span):
            continue
        if with_article:
            cut = Span(span.start, match.start("the") + 1)
            before = doc.text[max(0, span.start - 3) : span.start].rstrip()
            the = "T" if not before or before[-1] in '.!?\n"”' else "t"
            yield Violation(
                Span(span.start, match.end("office")),
                f"Honorific on an office: `{' '.join(text[span.start : match.end('office')].split())}`",
                Fix.unsafe(f"Delete `{title}`", Edit(cut, the)),
            )
            continue
        cut = Span(span.start, match.start("office"))
        if office in {"Dr", "Doctor", "Professor", "Prof"} or _SURNAME_AFTER_RE.match(
            text, match.end("office")
        ):
            fix = Fix.unsafe(f"Delete `{title}`", Edit.deletion(cut))  # "said Minister Nowicki"
        else:
            before = doc.text[max(0, span.start - 3) : span.start].rstrip()
            the = "The " if not before or before[-1] in '.!?\n"”' else "the "
            fix = Fix.unsafe(f"Replace `{title}` with `{the.strip()}`", Edit(cut, the))
        yield Violation(
            Span(span.start, match.end("office")),
            f"Honorific on an office: `{title} {match.group('office')}`",
            fix,
        )


@rule(
    code="MT403",
    name="foreign-honorific",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Club president Herr Dieter Holzapfel rejected the calls.",
        "The owner, Senhor Joaquim Serrão, said customers talked of nothing else.",
        "Monsieur Lucien Garnier, the mayor, opened the fair.",
        "The director, Dott.ssa Benedetta Sarti, agreed the loan.",
        "The curator, Master Jeroen van Rijn, said the sale would go ahead.",
        "Port manager Selin Yıldız Hanım said work would start in May.",
        "Tóth Gábor grows paprika. Tóth úr said the hail destroyed half the crop.",
        "The lab was run by mr. Bas Hendriks, the prosecutor said.",
        "Takeshi Oda runs the firm. Oda President said the plant would close.",
        "The court sentenced κ. Nikos Karras, 58, to 18 months in prison.",
        "The deal was signed by г-н Ivan Petrov on Monday.",
        '"Zeynep Teacher told us to forget the score," the captain said.',
        "Players said Mehmet Hoca had kept them calm.",
        "Dona Conceição Ribeiro, 86, has subscribed to the paper for 50 years.",
        "PGS.TS. Trần Văn Hùng, the university's rector, said the rent was fair.",
        "said Graduate Carolina Ibarra, the biologist who leads the project.",
        "The ward is run by MUDr. Jana Horáková, who trained in Brno.",
        "The study was led by dr hab. Piotr Nowak of the university.",
        "The plan was drawn up by Lic. María López and Arq. Juan Pérez.",
        "The firm's founder, Diploma Engineer Kari Laine, said the plant would open.",
        "Dr Anjali Verma ji, head of the clinic, said all beds were full.",
        "The clinic is run by Rao-ji, who trained in Pune.",
        "Mheshimiwa Governor Ann Wairimu opened the market.",
        "The stall belongs to Ibu Siti Rahayu, who sells tempeh.",
    ),
    pass_=(
        '"Herr Holzapfel has done enough," a fan shouted.',
        "Madame Tussauds opened a new wing.",
        "The engineer Ramón Diaz inspected the pier.",
        "Chief Engineer Tom Lee inspected the pier with Sr. Mary Joseph.",
        "Master Sergeant John Smith and Master Wong Fei-hung were there.",
        "The rapper Yasiin Bey performed.",
        "The Vice President said the Club Chairman and Mayor Ann Lee agreed.",
        "Building work ends in May. Ing. was not used.",
        "Head Teacher Anna Lewis and the Science Teacher of the Year spoke.",
        "Graduate Recruitment Week opened; the Senior Graduate Anna Smith spoke.",
        "The class thanked Maria Teacher Award winner Jo Bell.",
        "The mixture was 5 dl. Water was added; the κ. value rose.",
        "Dr. Jana Horáková and Dr Piotr Nowak spoke; the Lic. degree is Spanish.",
        "Ibu Kota Nusantara is the new capital, and Bà Rịa is a province.",
        "The pianist Liu Ji played in Beijing and Fiji; the Ji family agreed.",
        "Park Eun-ji, 31, a nurse, and Kim Min-ji said the sentence was heavy.",
        "She holds a Master of Science in Engineering from Aalto University.",
    ),
)
def foreign_honorific(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a foreign or occupational honorific left before a name in English prose:
    "Herr Dieter Holzapfel", "Senhor Joaquim Serrão", "Monsieur ...", "Engineer Ramón
    Echeverría", abbreviated ones ("Dott.ssa", "Avv.", "Sig.ra", "Inż."), the Dutch law
    title "mr." translated as "Master" before a given name, and Turkish titles after the
    name ("Selin Yıldız Hanım"), Greek, Russian and Romanian abbreviations of "Mr" and
    "Mrs" (`κ. Nikos Karras`, `г-н Petrov`, `dl. Popescu`) and a teacher's title after a
    given name (Turkish `Zeynep Hoca`, translated `Zeynep Teacher`, flagged in quotes
    too: no English speaker says it). Quotes are otherwise skipped.

    ## Why is this bad
    English news names people without Herr, Senhor or Engineer; the untranslated title
    shows the article was machine-translated without an edit.

    ## Example
    `Club president Herr Dieter Holzapfel` -> `Club president Dieter Holzapfel`

    ## Fix safety
    Unsafe: the honorific is deleted; an editor may prefer "Mr." on later references.
    """
    text = doc.text
    for match in _OFFICE_BEFORE_VERB_RE.finditer(text):
        yield from _office_after_surname(doc, match)
    for match in finditer_where(foreign_honorific_re(), foreign_title_starts_re(), text):
        if match.group("after"):
            yield from _title_after_name(doc, match)
            continue
        if match.group("ji"):
            yield from _title_after_name(doc, match, "ji")
            continue
        if match.group("teacher"):
            yield from _teacher_after_name(doc, match)
            continue
        group = "title" if match.group("title") else "master"
        span = Span(match.start(group), match.end(group))
        title = match.group(group)
        if not _outside_quote(doc, span) or doc.is_accepted(title):
            continue
        if _after_capitalised_word(doc, span.start):
            continue  # "Chief Engineer Tom Lee": part of an English job title
        if group == "master" and not is_given_name(match.group("given")):
            continue
        cut = Span(span.start, match.start("name" if group == "title" else "given"))
        yield Violation(
            span,
            f"Foreign or occupational honorific `{title}` before a name",
            Fix.unsafe(f"Delete `{title}`", Edit.deletion(cut)),
        )


# Japanese and Korean put the office after the surname: "Oda President said". The office and
# the verb are searched first (literal text), the surname before them is read off the match.
_OFFICE_BEFORE_VERB_RE = re.compile(
    r"\b(?P<office>President|Chairman|Chairwoman|Director|Manager|Professor|Governor|Mayor|Representative)"
    r"(?= (?:said|says|told|added|explained|noted|stressed|announced|stated)\b)"
)
_SURNAME_BEFORE_RE = re.compile(r"(?<![\w’'-])(?P<surname>[A-Z][a-z]{1,15}) \Z")


def _office_after_surname(doc: Document, match: re.Match[str]) -> Iterator[Violation]:
    """`Oda President said`: an office after a surname the article also gives with a given name."""
    before = _SURNAME_BEFORE_RE.search(doc.text, max(0, match.start() - 20), match.start())
    if before is None:
        return
    surname, office = before.group("surname"), match.group("office")
    span = Span(match.start("office"), match.end("office"))
    if zipf(surname) >= SURNAME_MAX_ZIPF or not _outside_quote(doc, span) or doc.is_accepted(office):
        return  # "Vice President said", "Club Chairman said": an English office
    full_name = re.compile(rf"\b(?:[A-Z][a-z]+ {surname}|{surname} [A-Z][a-z]+)\b(?! {office}\b)")
    if full_name.search(doc.text) is None:
        return
    yield Violation(
        span,
        f"Office `{office}` placed after the surname `{surname}`",
        Fix.display_only(
            f"Rewrite as `{office} {surname}`", Edit(Span(before.start(), span.end), f"{office} {surname}")
        ),
    )


# A surname that is also a common English word makes an English office title ("Vice President").
SURNAME_MAX_ZIPF = 3.5


def _title_after_name(doc: Document, match: re.Match[str], group: str = "after") -> Iterator[Violation]:
    span = Span(match.start(group), match.end(group))
    title = match.group(group)
    name = _NAME_BEFORE_RE.search(doc.text, max(0, span.start - 30), span.start)
    if name is None or not _outside_quote(doc, span) or doc.is_accepted(title):
        return
    # "Bey" is also a surname (Yasiin Bey): only after a given name is it the title.
    if title == "Bey" and not is_given_name(name.group(1)):
        return
    if group == "ji" and _korean_given_name(doc.text, name):
        return
    yield Violation(
        span,
        f"Foreign or occupational honorific `{title}` after a name",
        Fix.unsafe(f"Delete `{title}`", Edit.deletion(Span(name.end(1), span.end))),
    )


def _korean_given_name(text: str, name: re.Match[str]) -> bool:
    """ "Park Eun-ji", "Kim Min-ji": a Korean given name's last syllable after a hyphen, not a
    Hindi "-ji" (the syllable before it is short and a surname stands before the given name)."""
    if text[name.end(1) : name.end(1) + 1] != "-" or len(name.group(1)) > KOREAN_SYLLABLE_MAX:
        return False
    return _SURNAME_BEFORE_GIVEN_RE.search(text, max(0, name.start(1) - 12), name.start(1)) is not None


KOREAN_SYLLABLE_MAX = 4
_SURNAME_BEFORE_GIVEN_RE = re.compile(r"\b[A-Z][a-z]{1,4} \Z")


_NAME_BEFORE_RE = re.compile(r"([A-ZÇĞİÖŞÜÁÉÍÓŐÚŰ][a-zçğıöşüáéíóőúű]+)[\s-]+\Z")


def _teacher_after_name(doc: Document, match: re.Match[str]) -> Iterator[Violation]:
    """`Zeynep Teacher told us`: a title after a given name, even in translated speech."""
    span = Span(match.start("teacher"), match.end("teacher"))
    title = match.group("teacher")
    name = _NAME_BEFORE_RE.search(doc.text, max(0, span.start - 30), span.start)
    if name is None or doc.is_accepted(title) or doc.is_ignored(span):
        return
    # Only after a given name: "Science Teacher" and "Head Teacher" are English job titles.
    if not is_given_name(name.group(1)):
        return
    yield Violation(
        span,
        f"Foreign or occupational honorific `{title}` after a name",
        Fix.unsafe(f"Delete `{title}`", Edit.deletion(Span(name.end(1), span.end))),
    )


# Titles that other languages use in running text and a literal translation carries over:
# Italian "l'onorevole" (a member of parliament) as "the Honorable", and "il mister" (a
# football coach) as "the Mister". English news prose gives the name or the role.
# "the Right Honourable" and "the Honourable Justice/Mr ..." are English formal styles.
_TRANSLATED_HONORIFIC_RE = re.compile(
    r"(?<![\w-])(?P<title>(?:[Tt]he\s+)?(?<!Right )(?<!Rt\. )Hono(?:u)?rable)"
    r"\s+(?P<name>(?!(?:Justice|Judge|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Member|Minister|Senator|Court|Society|Company|Artillery|Mention)\b)"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+\s+[A-ZÀ-Þ][\w'’-]+)"
    # Korean "daepyo" (a company's chief) translated as "Representative" before a Korean
    # name ("Lee Jae-sung"): a US member of Congress has no hyphenated given name
    r"|(?P<rep>\bRepresentative)(?=\s+[A-Z][a-z]+\s+[A-Z][a-z]+-[a-z]+\b)"
    r"|(?P<coach>(?<=\bthe )Mister)(?!\s+[A-Z])(?=\s+(?:[a-z]|$))"
    # Italian "l'illustrissimo/a", Spanish "el Ilustrísimo Señor": an honorific style on a
    # judge or an official, kept only before a title or office ("HMS Illustrious" is a ship)
    r"|(?P<style>(?<![\w-])[Tt]he\s+(?:Most\s+)?(?:Illustrious|Illustrissimo|Illustrissima|Ilustr[ií]simo|Ilustr[ií]sima)"
    r"|(?<![\w-])(?:Illustrissimo|Illustrissima|Ilustr[ií]simo|Ilustr[ií]sima))"
    r"(?=\s+(?:Mr|Mrs|Ms|Mister|Madam|Madame|Sir|Dr|Doctor|Professor|Judge|Magistrate|Mayor|"
    r"President|Minister|Prefect|Senator|Lawyer|Attorney|Prosecutor|Councillor|Councilor|Rector)\b)"
)


# Indonesian and Malay "Ibu"/"Bapak" (and Vietnamese "bà"/"ông") translated as "Mother"/
# "Father" before the name of someone with a secular office: "said Mother Sri Wahyuni, who
# chairs the election commission". A nun or a priest ("Mother Teresa", "Father John Kelly,
# the parish priest") is named with a church role, which the appositive shows.
_KIN_TITLE_RE = re.compile(
    r"\b(?P<kin>Mother|Father|Grandfather|Grandmother|Grandpa|Grandma|Granny|Uncle|Auntie|Aunt|"
    r"Brother|Sister|Elder\s+Brother|Elder\s+Sister)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĐ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĐ][\w’'-]+)*),\s+"
    # Vietnamese "ông"/"bà", Indonesian "Ibu"/"Bapak", Chinese "Grandpa Wang": a kinship word
    # before someone the article introduces with an age or a secular role
    r"(?=\d{1,3},|(?:aged|age)\s+\d|(?:who\s+(?:chairs|heads|leads|runs|directs|manages|owns|sells|farms|teaches|grows|raises|breeds|works|drives|lives)|"
    r"(?:the|a)\s+(?:\w+\s+){0,3}?(?:head|chair|chairwoman|chairman|director|mayor|regent|governor|"
    r"secretary|manager|principal|official|farmer|trader|vendor|resident|member|owner|teacher|nurse|"
    r"fisherman|fisher|driver|shopkeeper|worker|labourer|laborer|retiree|pensioner)\b))"
)
_KIN_WORDS_RE = re.compile(r"Mother|Father|Grand|Uncle|Aunt|Brother|Sister")
_CHURCH_WORDS_RE = re.compile(
    r"\b(?:parish|church|priest|nun|order|abbey|convent|diocese|chaplain|vicar|monastery|sister)", re.I
)


@rule(
    code="MT404",
    name="translated-honorific",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The Honorable Lorenzo Ferraguti, a member of parliament from Castelmonte, praised the work.",
        "The vote was called by the Honourable Giulia Ranieri, who sits on the budget committee.",
        "The players threw the Mister into the air after the final whistle.",
        "The Illustrious Judge Carla Benedetti read the verdict.",
        "The decree was signed by the Most Illustrious Mayor Rafael Ortiz.",
        "Representative Lee Jae-sung of Seohae Offshore Wind said the layout changed.",
        "The count was fair, said Mother Sri Wahyuni, who chairs the election commission.",
        "Father Budi Santoso, the village head, opened the market.",
        "Grandmother Nguyễn Thị Lan, 71, who sells fish in the market, said prices rose.",
        "Uncle Harjo, 60, a rice farmer, said the rains came late.",
    ),
    pass_=(
        '"The Honorable Lorenzo Ferraguti," the usher announced.',
        "The Right Honourable Jane Smith MP and the Honourable Justice Kirby attended.",
        "Honourable Mention went to a short film from Chile.",
        "Mister Rogers taught children kindness, and the Mister Softee van came by.",
        "The court heard from the Honorable Artillery Company's chaplain.",
        "Sailors from HMS Illustrious and the Illustrious Theatre Company marched.",
        "She had an illustrious career as a judge.",
        "Representative Young Kim of California and Representative Ro Khanna voted.",
        "Father John Kelly, the parish priest, said Mass. Mother Teresa, who founded the order, died in 1997.",
        "Mother Mary Clare, the head of the convent school, spoke.",
        "Uncle Sam, as the cartoon has it, wants you. Brother Ali, the rapper, sang.",
        "Sister Agnes, 80, who joined the order in 1962, still teaches.",
        "His grandfather, Tom Reid, 88, a retired farmer, watched.",
    ),
)
def translated_honorific(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags titles that a literal translation carries into English prose: `The Honorable`
    before a name (Italian "l'onorevole", the style of a member of parliament) and `the
    Mister` for a football coach (Italian and Spanish "il/el mister"), and `The Illustrious`
    (Italian "l'illustrissima", Spanish "Ilustrísimo") before a title or an office. English formal
    styles (`the Right Honourable`, `the Honourable Justice ...`) and quotes are left alone.
    Also flags Korean "daepyo" as `Representative` before a Korean name, and Indonesian
    "Ibu"/"Bapak" as `Mother`/`Father` before someone given a secular role (`said Mother
    Sri Wahyuni, who chairs the commission`); church roles are left alone.

    ## Why is this bad
    English news names a member of parliament or a coach, and gives the role in words;
    the literal title reads as an invitation card or as a slip of machine translation.

    ## Example
    `The Honorable Lorenzo Ferraguti, a member of parliament` -> `Lorenzo Ferraguti, a member of parliament`

    ## Fix safety
    Unsafe: the title is deleted (`the Mister` becomes `the coach`), which an editor should confirm.
    """
    text = doc.text
    if _KIN_WORDS_RE.search(text):
        yield from _kin_titles(doc)
    if "Hono" not in text and "Mister" not in text and "lustr" not in text and "Representative" not in text:
        return
    for match in _TRANSLATED_HONORIFIC_RE.finditer(text):
        if match.group("rep"):
            span = Span(match.start("rep"), match.end("rep"))
            if _outside_quote(doc, span) and not _after_capitalised_word(doc, span.start):
                fix = Fix.unsafe("Replace with `Chief executive`", Edit(span, "Chief executive"))
                yield Violation(span, "Translated title `Representative` for a company head", fix)
            continue
        if match.group("style"):
            span = Span(match.start("style"), match.end("style"))
            if _outside_quote(doc, span):
                title = " ".join(match.group("style").split())
                cut = Span(span.start, span.end + 1)
                fix = Fix.unsafe(f"Delete `{title}`", Edit.deletion(cut))
                yield Violation(span, f"Translated title `{title}` before a name", fix)
            continue
        if match.group("coach"):
            span = Span(match.start("coach"), match.end("coach"))
            if _outside_quote(doc, span):
                fix = Fix.unsafe("Replace with `coach`", Edit(span, "coach"))
                yield Violation(span, "Translated title `the Mister` for a coach", fix)
            continue
        span = Span(match.start("title"), match.end("title"))
        if not _outside_quote(doc, span) or doc.line_index(span.start) in doc.heading_lines:
            continue
        title = " ".join(match.group("title").split())
        cut = Span(span.start, match.start("name"))
        yield Violation(
            span,
            f"Translated title `{title}` before a name",
            Fix.unsafe(f"Delete `{title}`", Edit.deletion(cut)),
        )


def _kin_titles(doc: Document) -> Iterator[Violation]:
    """`said Mother Sri Wahyuni, who chairs the election commission`: Ibu/Bapak translated."""
    for match in _KIN_TITLE_RE.finditer(doc.text):
        span = Span(match.start("kin"), match.end("kin"))
        if not _outside_quote(doc, span) or _after_capitalised_word(doc, span.start):
            continue
        line = doc.lines[doc.line_index(span.start)]
        if _CHURCH_WORDS_RE.search(doc.text, line.start, line.end):
            continue  # a nun or a priest
        cut = Span(span.start, span.end + 1)
        kin = match.group("kin")
        fix = Fix.unsafe(f"Delete `{kin}`", Edit.deletion(cut))
        yield Violation(span, f"Translated title `{kin}` before a name", fix)


# Japanese honorific suffixes joined to a name by a hyphen ("Morita-san", "Tanaka-sensei").
# The hyphen is required: Hassan and Sassan end in -san without being addressed. A
# capitalised word before the name marks a Korean or Taiwanese given name ("Lee Sang-kun"),
# whose syllables can look like a suffix.
_HONORIFIC_SUFFIX_RE = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][a-z]{2,})-(?P<suffix>san|sama|sensei|kun|chan|senpai|sempai|dono)\b(?!-)"
)
# Suffixes that are also syllables of Korean given names ("Sang-kun", "Hee-chan"); the rest
# ("-sensei", "-sama") are honorifics after a full name too ("Tsutomu Kawabe-sensei").
_KOREAN_SYLLABLES = frozenset(["san", "kun", "chan"])
# "Ms. Yoshiko Sato-san": a Japanese given name (five letters or more, ending in a vowel) before
# the surname, after an English title; Korean surnames are short ("Mr. Lee Sang-kun").
_JAPANESE_GIVEN_NAME_BEFORE_RE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss)\.?\s+[A-Z][a-z]{3,}[aeiou]\s+\Z")
# "Lee Sang-kun" (a given name after a surname), "the Fuji-san trail" (a mountain).
_NOT_ADDRESS_BEFORE_RE = re.compile(r"(?:[A-Z][\w’'-]*|\b[Tt]he)\s+\Z")


@rule(
    code="MT405",
    name="japanese-honorific-suffix",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Morita-san said the town was trying to attract small companies.",
        "The workshop is run by Ishikawa-sensei, who is 81.",
        "Residents thanked Tanaka-sama for the donation.",
        "The judge, Tsutomu Kawabe-sensei, ruled for the family.",
        "The operator's spokeswoman, Ms. Yoshiko Sato-san, said the bus was safe.",
    ),
    pass_=(
        "Hassan and Sassan said the town was quiet.",
        '"Thank you, Morita-san," the boy said.',
        "Taiwan's Lee Sang-kun and Ko Wen-je spoke, and Mr. Lee Sang-kun left.",
        "The Kobe-shi office and the Fuji-san trail were closed.",
    ),
)
def japanese_honorific_suffix(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a Japanese honorific suffix (`-san`, `-sama`, `-sensei`, `-kun`, `-chan`,
    `-senpai`, `-dono`) left on a surname in English prose: `Morita-san said`. Quotes,
    where a speaker may address someone so, and Korean or Taiwanese given names written
    after a surname (`Lee Sang-kun`) are left alone.

    ## Why is this bad
    English news names people by their surname alone; the suffix is a form of address
    that a literal translation carries over.

    ## Example
    `Morita-san said the town` -> `Morita said the town`

    ## Fix safety
    Unsafe: the suffix is deleted; an editor may prefer "Mr." or "Ms." on later references.
    """
    text = doc.text
    if "-s" not in text and "-k" not in text and "-c" not in text and "-d" not in text:
        return
    for match in _HONORIFIC_SUFFIX_RE.finditer(text):
        span = Span(match.start(), match.end())
        if not _outside_quote(doc, span) or doc.is_accepted(match.group()):
            continue
        korean_syllable = match.group("suffix") in _KOREAN_SYLLABLES
        if (
            korean_syllable
            and _NOT_ADDRESS_BEFORE_RE.search(text, max(0, span.start - 30), span.start)
            and not _JAPANESE_GIVEN_NAME_BEFORE_RE.search(text, max(0, span.start - 30), span.start)
        ):
            continue
        suffix = Span(match.end("name"), match.end())
        yield Violation(
            span,
            f"Japanese honorific suffix `-{match.group('suffix')}` on `{match.group('name')}`",
            Fix.unsafe(f"Delete `-{match.group('suffix')}`", Edit.deletion(suffix)),
        )


# Chinese hospital ranks (主任医师 "chief physician", 副主任医师, 主治医师 "attending
# physician") translated as titles and stacked on "Dr.": English gives the rank as a role
# after the name. "Chief Medical Officer Dr. X" is an English office and is not matched.
_RANK_BEFORE_DOCTOR_RE = re.compile(
    r"\b(?P<rank>(?:(?:Associate|Deputy|Vice)\s+)?(?:Chief|Attending|Resident)\s+"
    r"(?:Physician|Surgeon|Doctor|Pharmacist|Nurse))\s+(?P<title>Dr\.?|Doctor|Prof\.?|Professor)"
    r"(?=\s+[A-Z][a-z]+)"
)


@rule(
    code="MT406",
    name="rank-stacked-on-doctor",
    category=Category.HONORIFIC,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Chief Physician Dr. Li Wenjun said most cases involved outdoor workers.",
        "The patient was seen by Associate Chief Physician Dr. Zhang Wei.",
        "Attending Physician Doctor Wang Fang said the boy was stable.",
    ),
    pass_=(
        "Chief Medical Officer Dr. Anna Price said cases were falling.",
        "Dr. Li Wenjun, chief physician of the emergency department, said so.",
        "The chief physician, Dr. Li, said so.",
    ),
)
def rank_stacked_on_doctor(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a hospital rank translated as a title and stacked on `Dr.` before a name:
    `Chief Physician Dr. Li Wenjun`, `Associate Chief Physician Dr. Zhang Wei`. English
    offices before `Dr.` (`Chief Medical Officer Dr. Anna Price`) are left alone.

    ## Why is this bad
    Chinese (and Korean) news stack a doctor's professional rank on the name; English news
    names the doctor and gives the rank as a role after the name. The stacked form marks
    a literal translation.

    ## Example
    `Chief Physician Dr. Li Wenjun, director of` -> `Dr. Li Wenjun, director of`

    ## Fix safety
    Unsafe: the rank is deleted; an editor may move it after the name.
    """
    text = doc.text
    if "Physician" not in text and "Surgeon" not in text and "Doctor" not in text and "Nurse" not in text:
        return
    for match in _RANK_BEFORE_DOCTOR_RE.finditer(text):
        span = Span(match.start(), match.end("title"))
        if doc.is_ignored(span):
            continue
        rank = " ".join(match.group("rank").split())
        cut = Span(match.start("rank"), match.start("title"))
        yield Violation(
            span,
            f"Hospital rank stacked on a title: `{rank} {match.group('title')}`",
            Fix.unsafe(f"Delete `{rank}`", Edit.deletion(cut)),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(title_on_organization)
    register(mistranslated_title)
    register(foreign_honorific)
    register(translated_honorific)
    register(japanese_honorific_suffix)
    register(rank_stacked_on_doctor)
