"""Tricky cases for the scrape rules: what must be flagged, what must stay silent, what a fix yields."""

from __future__ import annotations

import pytest

from newslint.diagnostics import Applicability
from newslint.fixes import apply_fixes, pick_fixes

SCRAPE = ("SC",)
LEAD = (
    "HARBOUR TOWN, Maine — The town council approved a new parking plan on Tuesday after three "
    "hours of debate, ending a dispute that had lasted most of the summer.\n\n"
)
BODY = (
    "The plan adds 120 spaces near the ferry terminal and raises fees in the downtown lots by a dollar "
    "an hour, the council said.\n\n"
    '"We listened to the shop owners," said Mayor Ann Cole. "They were right about the evenings."\n'
)


def fixed(linter, text: str, threshold: Applicability = Applicability.UNSAFE) -> str:
    for _ in range(10):
        fixes = pick_fixes(linter.lint_text(text), threshold)
        if not fixes:
            break
        text = apply_fixes(text, fixes)
    return text


def codes(findings) -> list[str]:
    return [f.code for f in findings]


# -- silence on professional copy ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "FieldMote and GreenHarbor Ventures built an iPhone app with McDonald's and DeSantis aides.\n",
        "Visit PortEllisFest.com or example.org; the Node.js team met in St.Louis-based offices.\n",
        "It was an off-year, median-value, two-page, well-known plan.\n",
        "At 10 p.m. Turnout was reported. The U.S. Army said so.\n",
        "Prices rose 3.5 percent. Yes.\n",
        "The café in Tromsø sold “pierogi” for £4 — a bargain, Ramón said.\n",
        "Baxter & Sons and R&D staff met AT&T at 5 < 7 > 2.\n",
        "\ufeffThe text opens with a byte-order mark.\n",
        "A family emoji 👨\u200d👩\u200d👧 stays whole.\n",
        "Troops from the U.S.A joined them. Set x=AB in the formula.\n",
        "E coli was found in the river.\nT cells and X rays were discussed.\nI am told the co op will reopen.\n",
        "The WithSecure report and the OnStar app were cited. WithSecure said so.\n",
    ],
)
def test_prose_traps_are_silent(lint, text):
    assert lint(text, *SCRAPE) == []


def test_clean_article_shape_is_silent(lint):
    text = (
        "Council approves harbour parking plan after long debate\n\n"
        + LEAD
        + "Background\n\n"
        + BODY
        + "\nBy the numbers\n\nNew spaces: 120\nFee rise: $1 an hour\nVote: 6-1\n\n"
        "Reporting by Ann Lee; editing by Tom Ward\n"
    )
    assert lint(text, *SCRAPE) == []


def test_byline_with_agency_is_not_a_credit(lint):
    assert lint("Harbour plan approved\n\nBy Jane Doe/Reuters\n\n" + LEAD, "SC201") == []


def test_refrain_in_quotes_is_not_a_duplicate(lint):
    text = LEAD + '"Sing it again!"\n\nThe band played on.\n\n"Sing it again!"\n'
    assert lint(text, "SC301") == []


def test_body_paragraph_above_mid_article_credit_is_not_a_caption(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + "The storm pushed water a metre deep into the building. Staff "
        "spent two nights carrying paintings upstairs.\n\nPhotograph: Pia Lund/Fjord Post\n\n" + BODY
    )
    assert codes(lint(text, "SC2")) == ["SC201"]


def test_headline_directly_above_credit_is_not_a_caption(lint):
    text = "Harbour plan approved after long debate\n\nPhoto: Ruth Okoye/Harbour Courier\n\n" + LEAD + BODY
    assert codes(lint(text, "SC2")) == ["SC201"]


def test_one_word_subheading_and_sign_off_are_not_fragments(lint):
    text = "Harbour plan approved\n\n" + LEAD + "Reaction\n\n" + BODY + "\n— The Canadian Press\n"
    assert lint(text, "SC5", "SC4") == []


def test_final_one_sentence_paragraph_is_not_a_teaser(lint):
    text = "Harbour plan approved\n\n" + LEAD + BODY + "\nThe meters go in next April.\n"
    assert lint(text, "SC4") == []


# -- damage in other wordings ---------------------------------------------------------------


def test_lone_name_after_subheading_is_a_fragment(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + "Shop owners react\n\nHarbour\n\n"
        "Merchants on Harbour Street said the fees would drive shoppers to the mall outside town.\n\n" + BODY
    )
    found = lint(text, "SC501")
    assert [text[f.span.start : f.span.end] for f in found] == ["Harbour"]


def test_teaser_after_marker_even_when_it_shares_words(lint):
    text = "Harbour plan approved\n\n" + LEAD + BODY + "\nNext article\n\nHarbour council weighs ferry fees\n"
    assert codes(lint(text, "SC4")) == ["SC401"]


def test_share_bar_glued_to_sentence_is_boilerplate_not_a_join(lint):
    found = lint(
        LEAD + "Entry is free for children under 12.Share this:FacebookX (Twitter)WhatsApp\n", *SCRAPE
    )
    assert codes(found) == ["SC110"]


def test_wire_caption_with_credit_and_file_photo(lint):
    text = "Harbour plan approved\n\nA ferry leaves the harbour on Tuesday. REUTERS/Ann Lee\n\n" + LEAD + BODY
    assert codes(lint(text, "SC2")) == ["SC202"]


def test_invisible_bom_in_the_middle_is_flagged(lint):
    assert codes(lint("The plan\ufeff passed.\n", "SC604")) == ["SC604"]


# -- fixes -----------------------------------------------------------------------------------


def test_encoding_fixes_are_safe_and_exact(linter):
    text = "Smith &amp; Sons’ cafÃ©s said â€œyesâ€\ufffd on Monday.&nbsp;It was 5.<br>Then it rained.</p>\n"
    assert (
        fixed(linter, text, Applicability.SAFE)
        == "Smith & Sons’ cafés said “yes” on Monday. It was 5. Then it rained.\n"
    )


def test_join_fixes(linter):
    text = (
        "Harbour plan approved\n\n" + LEAD + "It pays for road infra-\nstructure and a well-\nknown "
        "program. Shops and bakeriesand cafes closed.\n\nThe board scaled back the plan, dropping a proposal\n\n"
        "to build a new athletic complex.\n"
    )
    result = fixed(linter, text)
    assert "road infrastructure and a well-known program" in result
    assert "bakeries and cafes" in result
    assert "dropping a proposal to build" in result


def test_unsafe_fix_removes_head_and_tail_junk_only(linter):
    text = (
        "Local\n\nHarbour plan approved after long debate\n\n"
        "Workers paint new bays near the ferry terminal on Monday.\n\nPhoto: Ann Lee/Harbour Courier\n\n"
        "Hide caption\n\n" + LEAD + BODY + "\nSource link\n\nGet our briefing in your inbox every morning\n\n"
        "Five ways to paint a garden shed\n"
    )
    expected = "Harbour plan approved after long debate\n\n" + LEAD + BODY
    assert fixed(linter, text) == expected


def test_dateline_paragraph_after_a_credit_is_kept(linter):
    text = (
        "Dockers strike for a third day\n\nStrikers gather around braziers outside the main gate of the "
        "container terminal on Thursday.\n\nAnn Lee/AFP\n\nMARSEILLE, France — Traffic at the port stopped "
        "for a third day as dockers continued a strike over a plan to auto-\nmate the largest terminal.\n\n"
        + BODY
    )
    expected = (
        "Dockers strike for a third day\n\nMARSEILLE, France — Traffic at the port stopped for a third day "
        "as dockers continued a strike over a plan to automate the largest terminal.\n\n" + BODY
    )
    assert fixed(linter, text) == expected


def test_teaser_excerpts_after_marker(lint):
    text = (
        "Harbour plan approved\n\n"
        + LEAD
        + BODY
        + "\nRelated Posts\n\nLibrary hours extended after petition\n\n"
        "The board voted on Thursday to add five Sunday hours at the main branch from January […]\n"
    )
    assert codes(lint(text, "SC4")) == ["SC401", "SC401"]


def test_missing_space_after_comma_between_words(lint):
    assert codes(lint("Officials in Paris,France said so, and 1,000 people agreed.\n", "SC7")) == ["SC701"]


def test_byline_after_a_credit_is_not_a_caption(lint):
    text = (
        "Harbour plan approved\n\nPhoto: Ann Lee/Harbour Courier\n\nBy Jane Doe, Staff Writer\n\n"
        + LEAD
        + BODY
    )
    assert codes(lint(text, "SC2")) == ["SC201"]


def test_hard_wrapped_text_is_not_read_as_broken_paragraphs(lint):
    wrapped = (
        "The council approved the plan on Tuesday after a long\n"
        "debate about parking fees, which had divided the town\n"
        "for most of the summer and drawn hundreds of letters\n"
        "from residents who said the fees would hurt the shops\n"
        "on the main street and the cafes along the harbour, and\n"
        "from visitors who said there was nowhere left to park.\n"
    )
    assert lint(wrapped + "\n" + wrapped, *SCRAPE) == []


def test_a_paragraph_about_copyright_is_not_a_footer(lint):
    assert lint(LEAD + "Copyright lawyers said the ruling was narrow.\n", *SCRAPE) == []


@pytest.mark.parametrize(
    "caption",
    [
        "People walk past the Capitol in Washington on Jan. 5, 2024. (AP Photo/Jane Doe, File)",
        "A man walks past the flooded shop on Tuesday. REUTERS/Jane Doe/File Photo",
        "Crowds gather outside the stadium on Tuesday. Photograph: Jane Doe/Harbour Herald",
    ],
)
def test_caption_ending_with_its_credit(lint, caption):
    text = "Harbour plan approved\n\n" + LEAD + caption + "\n\n" + BODY
    assert codes(lint(text, "SC2")) == ["SC202"]


def test_sentence_mentioning_photos_is_not_a_caption(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + "The mayor said it was fine. Photo finishes are rare.\n\n" + BODY
    )
    assert lint(text, "SC2") == []


def test_closing_list_of_dates_is_not_a_teaser_block(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + BODY + "\nKey dates\n\nJan. 7: First meters switched on\n\n"
        "March 1: Council reviews the fees\n"
    )
    assert lint(text, *SCRAPE) == []


def test_closing_run_of_headlines_is_a_teaser_block_even_on_the_same_topic(lint):
    text = (
        "Harbour plan approved\n\n"
        + LEAD
        + BODY
        + "\nHarbour town council approves new budget for parking staff\n\n"
        "Harbour police report drop in weekend thefts\n"
    )
    assert codes(lint(text, "SC4")) == ["SC401", "SC401"]


def test_compounds_missing_from_the_word_list_are_not_joins(lint):
    text = "Critics called it sportswashing; newsmakers, salespeople and policyholders used smartwatches.\n"
    assert lint(text, "SC702") == []


def test_run_together_words_split_at_the_glued_word(linter):
    assert fixed(linter, "The boardsaid it votedto wait.\n") == "The board said it voted to wait.\n"


def test_site_chrome_behind_a_list_bullet_is_flagged_and_its_line_deleted(linter):
    text = "Harbour plan approved\n\n" + LEAD + "- Share this\n• Facebook\n* Twitter\n\n" + BODY
    findings = [f for f in linter.lint_text(text) if f.code == "SC102"]
    assert [(text[f.span.start : f.span.end], f.fix is not None) for f in findings] == [
        ("Share this", True),
        ("Facebook", True),
        ("Twitter", True),
    ]
    assert fixed(linter, text) == "Harbour plan approved\n\n" + LEAD + BODY


def test_bulleted_list_of_facts_is_not_site_chrome(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + "What the plan includes:\n\n"
        "- 120 new spaces near the ferry terminal\n- A fee rise of $1 an hour\n"
        "* More buses on weekday evenings\n• Share of revenue for road repairs\n\n" + BODY
    )
    assert lint(text, *SCRAPE) == []


@pytest.mark.parametrize(
    "items",
    [
        "Applicants must bring:\n\n- Passport\n- Photo\n- Image\n",  # a lead-in and content items
        "The ministry fined four platforms:\n\n- Facebook\n- Twitter\n- Email\n",  # a lead-in
        "The summit covered energy.\n\n- Energy\n- Archives\n- Categories\n",  # one item of content
        "The council listed its steps.\n\n- Next\n- Previous\n- Budget vote in March\n",
    ],
)
def test_writers_bulleted_list_with_site_chrome_words_is_silent(lint, items):
    assert lint("Harbour plan approved\n\n" + LEAD + items + "\n" + BODY, *SCRAPE) == []


# -- joins: names, compounds and hyphens the rules cannot be sure of ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised word ending in a function word is most likely a name
        "The stage ends in Heuvelland on Monday.\n",
        "Residents of Mathare queued for water.\n",
        "The ferry from Kingsand was late.\n",
        # a word spelled the same way twice is the writer's spelling
        "Said Solène Marchais in March. Marchais left.\n",
        "Ferrybrook said so. Later Ferrybrook agreed.\n",
        # a modal glued to a bare noun heads a compound
        "They carried a jerrycan and a watercan to the tap.\n",
        # compound heads the word list may miss
        "The chipmaker and the shoemakers met the fanbase.\n",
    ],
)
def test_names_and_compounds_are_not_run_together_words(lint, text):
    assert lint(text, "SC702") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Port Ellery's towncouncil approved it.\n", "Port Ellery's town council approved it.\n"),
        ("The farecomes out of the account.\n", "The fare comes out of the account.\n"),
        ("The boardsaid it votedto wait.\n", "The board said it voted to wait.\n"),
        ("Theboard met. Officialssaid it would wait.\n", "The board met. Officials said it would wait.\n"),
    ],
)
def test_two_everyday_words_glued_are_split(linter, text, expected):
    assert fixed(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Outside audi- tors noticed.\n", "Outside auditors noticed.\n"),
        ("Cyber- security experts agreed.\n", "Cybersecurity experts agreed.\n"),
        ("She took a full- time job.\n", "She took a full-time job.\n"),
    ],
)
def test_hyphen_space_splits_are_joined(linter, text, expected):
    assert fixed(linter, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Both pre- and post-war housing was surveyed.\n",
        "Two- to three-bedroom flats sold fastest.\n",
        "Voters were anti- or pro-merger in equal numbers.\n",
        "A self- published novel.\n",
    ],
)
def test_suspended_hyphens_are_not_joined(lint, text):
    assert lint(text, "SC705") == []


def test_quoted_verse_keeps_its_line_end_hyphen(lint):
    text = "She printed it whole:\n\nI caught this morning's king-\ndom of daylight, in his riding\n"
    assert lint(text, "SC703") == []
    broken = "The council will pay for the replace-\nment of two footbridges.\n"
    assert codes(lint(broken, "SC703")) == ["SC703"]


# -- fragments, encoding, captions ----------------------------------------------------------


def test_a_one_word_sentence_paragraph_is_rhetoric_not_a_fragment(lint):
    text = "Harbour plan approved\n\n" + LEAD + BODY + "\nWill the plan work?\n\nMaybe.\n"
    assert lint(text, "SC501") == []


def test_a_lone_name_between_paragraphs_is_a_stray_tag(lint):
    text = (
        "Harbour plan approved\n\n" + LEAD + "The Hudson ferry company said it would add sailings.\n\n"
        "Hudson\n\n" + BODY
    )
    assert [finding.message for finding in lint(text, "SC501")] == ["Stray fragment line `Hudson`"]


def test_mojibake_beside_a_letter_no_code_page_has_is_repaired(linter):
    text = "Poland's PaweÅ‚ Wrona — and Lithuania's Jūratė Kairienė — signed.\n"
    assert fixed(linter, text) == "Poland's Paweł Wrona — and Lithuania's Jūratė Kairienė — signed.\n"


def test_file_photo_captions_are_flagged_anywhere(lint):
    text = (
        "Harbour plan approved\n\n"
        + LEAD
        + "FILE - Cars queue at the ferry terminal in Harbour Town, Maine, "
        "on May 2, 2023.\n\n" + BODY
    )
    assert codes(lint(text, "SC202")) == ["SC202"]


# -- captions that end on a credit with no label, boilerplate widgets, short glued words ----------


@pytest.mark.parametrize(
    "caption",
    [
        "Nurses check the new ward before it opens in Eastport. Dana Whitlow for The Harbour Times",
        "Nurses check the new ward before it opens in Eastport. Tom Reed for Reuters",
        "Nurses check the new ward before it opens in Eastport. (AFP)",
        "Enfermeras revisan la nueva sala del hospital en mayo. (EFE)",
        "Sestry kontrolují nové oddělení v nemocnici. Foto: Jan Novák",
        "Pflegerinnen prüfen die neue Station im Mai. | Bild: picture alliance / Eva Roth",
    ],
)
def test_caption_with_unlabelled_or_foreign_credit_is_flagged(lint, caption):
    text = f"Hospital opens new ward\n\n{LEAD}{caption}\n\n{BODY}"
    assert codes(lint(text, "SC2")) == ["SC202"]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a story's paragraph of several sentences may end on its agency
        "The board met on Monday. It voted to close the plant by June. (Reuters)",
        # a title-case organisation is no photographer working for a paper
        "Thousands marched through the centre on Saturday. Union Leaders for Change",
        # a sentence that names a photographer and a paper ends with its full stop
        "The picture was taken by Dana Whitlow for The Harbour Times.",
    ],
)
def test_story_line_ending_on_a_name_is_no_caption(lint, paragraph):
    text = f"Hospital opens new ward\n\n{LEAD}{paragraph}\n\n{BODY}"
    assert lint(text, "SC2") == []


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Was this answer helpful? Yes No", "SC111"),
        ("Did you find this article useful?", "SC111"),
        ("Sponsored content: Compare energy suppliers in two minutes", "SC107"),
        ("About the author: Ana Perrin writes about science. More from Ana Perrin ›", "SC103"),
        ("8 comments · Sort by: Newest", "SC105"),
        ("Sign up to our morning newsletter The day's news before breakfast Email address Sign up", "SC102"),
        ("Rate this article: ★★★☆☆", "SC111"),
        ("Partner content from Harbour Mutual", "SC107"),
        ("You have 2 free articles left this month", "SC102"),
        ("Follow Ana Perrin on Bluesky", "SC102"),
        ("Join the conversation (14)", "SC105"),
        ("Reading time: 6 minutes", "SC108"),
    ],
)
def test_widget_lines_are_boilerplate(lint, line, code):
    text = f"Hospital opens new ward\n\n{LEAD}{BODY}\n{line}\n\n{BODY}"
    assert codes(lint(text, "SC1")) == [code]
    assert lint(text, "SC4") == []  # not mistaken for a teaser of another story


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, the auditor told the committee.",
        "Paid for by taxpayers, the scheme has cost £4m so far.",
        "Meet the author at the library on Saturday, 2pm.",
        "Was this useful? Not to the farmers who lost their crops.",
        "You have 3 days left to register, the council said.",
        "About the author's earlier books, critics were kind.",
        "Sort by price or by distance, the app lets users choose.",
        "Spotted a mistake in the accounts, the auditor resigned.",
    ],
)
def test_sentences_that_open_like_widgets_stay_silent(lint, line):
    text = f"Hospital opens new ward\n\n{LEAD}{BODY}\n{line}\n\nThe ward opens to patients in the spring.\n"
    assert lint(text, "SC") == []


@pytest.mark.parametrize(
    ("word", "split"),
    [("cashat", "cash at"), ("smartphoneapp", "smartphone app"), ("vaccineson", "vaccines on")],
)
def test_short_or_modern_halves_split(linter, word, split):
    text = f"{LEAD}Residents paid in {word} the counter, the council said.\n"
    assert f"Residents paid in {split} the counter" in fixed(linter, text)


@pytest.mark.parametrize("word", ["signage", "webinar", "kaftan", "login", "ryokan", "trolleybus"])
def test_real_words_and_loans_stay_whole(lint, word):
    assert lint(f"{LEAD}The {word} was new, the council said.\n", "SC702") == []


# -- live pages, pull quotes, staff credits, lost characters ---------------------------------


LIVE = (
    "Ferry strike live: crossings cancelled for a second day\n\n"
    "The ferry crews' union said the strike would go ahead on Friday after talks broke down.\n\n"
    "18:05\n\nWe are closing this live page for today. Thanks for following.\n\n"
    "16:20\n\nThe ferry crews' union said the strike would go ahead on Friday after talks broke down.\n\n"
    "The operator said it would run one crossing an hour on the main route.\n"
)


def test_pinned_live_post_is_flagged_at_the_top(lint):
    found = lint(LIVE, "SC301")
    assert [LIVE[f.span.start : f.span.end].split()[0] for f in found] == ["The"]
    assert found[0].span.start < LIVE.index("18:05")
    assert "later live entry" in found[0].message


def test_duplicate_without_live_times_keeps_the_first_copy(lint):
    text = LIVE.replace("18:05\n\n", "").replace("16:20\n\n", "")
    found = lint(text, "SC301")
    assert [f.span.start for f in found] == [text.rindex("The ferry crews")]


def test_pull_quote_is_flagged_and_the_paragraph_kept(linter):
    text = (
        LEAD
        + "“The nets keep fishing,” she said. “I wanted the weaving to look rescued, not made by hand.”\n\n"
        "“I wanted the weaving to look rescued, not made by hand.”\n\n" + BODY
    )
    out = fixed(linter, text)
    assert out.count("I wanted the weaving") == 1
    assert "she said. “I wanted the weaving" in out


def test_quotation_paragraph_not_repeated_is_not_a_pull_quote(lint):
    text = LEAD + "“I wanted the weaving to look rescued, not made by anyone at all,” she said.\n\n" + BODY
    assert lint(text, "SC302") == []


@pytest.mark.parametrize(
    "line",
    [
        "[Editor in charge: Li Wen]",
        "(Editor: Zhang Hua)",
        "Reporter: Ayu Lestari | Editor: Budi Santoso",
        "Pewarta: Ayu Lestari; Editor: Budi Santoso",
        "责任编辑：王敏",
        "Last modified on Wed 12 Mar 2025 09.41 GMT",
    ],
)
def test_staff_credits_and_time_stamps_are_cms_attribution(lint, line):
    text = f"Hospital opens new ward\n\n{LEAD}{BODY}\n{line}\n\nThe ward opens to patients in the spring.\n"
    assert codes(lint(text, "SC1")) == ["SC103"]


@pytest.mark.parametrize(
    "line",
    [
        "Editor: The council has got this wrong.",
        "Updated at 5pm, the figures showed a sharp rise in admissions.",
        "The editor in charge, Li Wen, resigned on Monday.",
    ],
)
def test_sentences_about_editors_and_updates_stay_silent(lint, line):
    text = f"Hospital opens new ward\n\n{LEAD}{BODY}\n{line}\n\nThe ward opens to patients in the spring.\n"
    assert lint(text, "SC1") == []


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [("43.1锟斤拷C", "43.1°C"), ("40ï¿½F", "40°F"), ("35占쏙옙C", "35°C"), ("12\ufffdC", "12°C")],
)
def test_lost_degree_sign_is_restored_by_the_unsafe_fix(linter, damaged, repaired):
    text = f"{LEAD}The thermometer read {damaged} at noon, the weather office said.\n"
    assert f"read {repaired} at noon" in fixed(linter, text)


def test_lost_letter_has_no_fix(linter, lint):
    text = f"{LEAD}The caf\ufffd on the quay closed early, the owner said.\n"
    assert codes(lint(text, "SC6")) == ["SC605"]
    assert fixed(linter, text) == text


def test_credit_glued_to_caption_ends_it(lint):
    text = (
        "Snow warning for hill roads\n\nBy Ann Lee\n\nA gritter on the moor road during the snow last winter\n"
        "(Image: Dales Post)\n\nA yellow warning for snow and ice covers the hills, with up to 10cm of snow "
        "expected on high ground by Thursday morning, forecasters said.\n\nThe warning runs from 6pm on "
        "Wednesday until 11am on Thursday, and temperatures could fall to -8C in sheltered valleys.\n"
    )
    found = lint(text, "SC2")
    assert [(f.code, text[f.span.start : f.span.end][:9]) for f in found] == [
        ("SC202", "A gritter"),
        ("SC201", "(Image: D"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The mill employed 300 people when it closed.\n\nWorkers at the dye house were also told on",
        "The mill employed 300 people when it closed.\n\nThe board also agreed to",
    ],
)
def test_cut_statements_are_fragments(lint, line):
    text = f"Mill closes\n\n{LEAD}{line}\n\n{BODY}"
    assert codes(lint(text, "SC5")) == ["SC502"]


@pytest.mark.parametrize(
    "line", ["What the closure means for", "Where the money went", "The Lights Stayed On In Town"]
)
def test_headings_ending_on_prepositions_are_not_fragments(lint, line):
    text = f"Mill closes\n\n{LEAD}{line}\n\n{BODY}"
    assert lint(text, "SC5") == []


def test_headline_future_closing_line_is_a_teaser(lint):
    text = (
        "Harbour plan approved\n\n"
        + LEAD
        + BODY
        + "\nHarbour police to hire two ferry crossing guards this autumn\n"
    )
    assert codes(lint(text, "SC4")) == ["SC401"]


@pytest.mark.parametrize(("split", "joined"), [("grit- ting", "gritting"), ("resur- facing", "resurfacing")])
def test_derived_word_split_by_hyphen_space_is_joined(linter, split, joined):
    text = f"{LEAD}Crews began {split} the roads at dawn, the council said.\n"
    assert f"began {joined} the roads" in fixed(linter, text)


def test_time_stamp_counts_only_beside_page_chrome(lint):
    stamp = "Updated at 17.58 GMT\n\n17:58\n\nTalks ended without a deal, the union said on Friday.\n"
    assert codes(lint("Strike live\n\nShow key events only\n\n" + stamp, "SC1")) == ["SC108", "SC112"]
    assert lint("Strike live\n\nBy Ann Lee, staff\n\n" + stamp, "SC1") == []
