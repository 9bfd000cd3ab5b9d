"""The HTML report: exact marks in the page, and the page in a real headless Chromium."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.diagnostics import Category, Finding, Severity, Span
from newslint.document import Document
from newslint.formatters.base import FileReport, Summary
from newslint.formatters.html_report import CATEGORY_COLOURS, HtmlReportFormatter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "tests" / "golden" / "markdown" / "harbour-crane.md"
ARTIFACTS = ROOT / "test-artifacts"


def finding(start: int, end: int, code: str = "SC101", category: Category = Category.BOILERPLATE) -> Finding:
    return Finding(
        code=code,
        rule="caption-control",
        category=category,
        severity=Severity.ERROR,
        span=Span(start, end),
        message="Caption control `<x>` left in the article",
    )


def render(text: str, findings: list[Finding], markup: str = "text") -> str:
    stream = io.StringIO()
    formatter = HtmlReportFormatter(stream)
    formatter.file(FileReport("a & b.txt", Document(text=text, markup=markup), findings))  # type: ignore[arg-type]
    formatter.finish(Summary(1, len(findings), 0, 0, 0, None))
    return stream.getvalue()


def marks(page: str) -> list[str]:
    return re.findall(r'<mark class="finding[^"]*"[^>]*data-code="(\w+)"', page)


def test_marks_escape_and_nest():
    text = "One <two> three four\n"
    page = render(text, [finding(4, 9), finding(0, 19, "MT201", Category.GARBLE), finding(15, 20)])
    # The outer mark holds the inner one; the third crosses the outer's end and is listed only.
    body = page.split('<div class="text" lang="en">')[1].split("</div>")[0]
    assert re.sub(r"<mark[^>]*>", "<m>", body) == "<m>One <m>&lt;two&gt;</mark> three fou</mark>r\n"
    assert marks(page) == ["MT201", "SC101"]
    assert "overlaps another finding; not highlighted" in page
    assert "a &amp; b.txt" in page


def test_page_is_self_contained():
    page = render("Hide caption\n", [finding(0, 12)])
    assert not re.search(r"<script|<link|<img|src=|url\(|@import|https?://", page)
    assert 'tabindex="0"' in page and 'aria-describedby="d-1-0"' in page and 'id="d-1-0"' in page
    assert "ARTICLE SCORE SLOT" in page


def test_html_articles_show_their_visible_text():
    from newslint.builtin.html import parse_html

    source = "<article>\n  <p>Share   this</p>\n  <p>Hide caption</p>\n</article>"
    doc = parse_html(source)
    start = source.index("Hide")
    stream = io.StringIO()
    formatter = HtmlReportFormatter(stream)
    formatter.file(FileReport("a.html", doc, [finding(start, start + 12)]))
    formatter.finish(Summary(1, 1, 0, 0, 0, None))
    body = stream.getvalue().split('<div class="text" lang="en">')[1].split("</div>")[0]
    # Browsers collapse white space in HTML, so the view does too.
    assert re.sub(r"<mark[^>]*>", "<m>", body).strip() == "Share this\n\n<m>Hide caption</mark>"


def report_of(path: Path, capsys) -> str:
    assert main(["--isolated", "--format", "html", str(path)]) == 1
    return capsys.readouterr().out


# -- a real browser ---------------------------------------------------------------------

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver")


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, 1)"


@pytest.fixture
def browser(tmp_path):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("needs Chromium and its driver: apt-get install -y chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",  # small /dev/shm in containers
        "--window-size=1200,1600",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_report_in_headless_chromium(browser, capsys, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = tmp_path / "report.html"
    page.write_text(report_of(EXAMPLE, capsys), encoding="utf-8")
    browser.get(page.as_uri())

    found = browser.find_elements(By.CSS_SELECTOR, ".article mark.finding")
    assert [m.get_attribute("data-code") for m in found] == ["SC102", "SC101", "SC107", "SC402", "SC108"]
    assert [m.text for m in found] == [
        "Share this: Facebook Twitter WhatsApp Email",
        "Hide caption",
        "Advertisement",
        "READ MORE: [Port volumes hit record",  # the link target is markup, outside the span
        "Next article",
    ]
    # Category colours come from the legend's palette.
    boilerplate, teaser = CATEGORY_COLOURS[Category.BOILERPLATE], CATEGORY_COLOURS[Category.TEASER]
    assert found[0].value_of_css_property("background-color") == rgb(boilerplate[0])
    assert found[3].value_of_css_property("background-color") == rgb(teaser[0])
    assert found[3].value_of_css_property("border-bottom-color") == rgb(teaser[1])

    # The summary counts each category.
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "table.summary tbody tr")]
    assert rows == ["boilerplate 4 4", "teaser 1 1"]

    tip = "return getComputedStyle(arguments[0], '::after').content"
    assert browser.execute_script(tip, found[1]) in ("none", "normal", "")
    # Keyboard: Tab reaches the first highlight, and focus shows its message and fix.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("id") == found[0].get_attribute("id")
    shown = browser.execute_script(tip, active)
    assert "Share or sign-up prompt" in shown and "Fix: Delete the line" in shown
    described = browser.find_element(By.ID, active.get_attribute("aria-describedby"))
    assert "Share or sign-up prompt" in described.text
    # Hover shows the tooltip too.
    ActionChains(browser).move_to_element(found[1]).perform()
    assert "Caption control" in browser.execute_script(tip, found[1])

    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "html-report.png"))
    assert (ARTIFACTS / "html-report.png").stat().st_size > 10_000
