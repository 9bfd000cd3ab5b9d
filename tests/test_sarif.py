"""``--format sarif``: valid SARIF 2.1.0, exact regions in UTF-16 columns, rules and fixes.

tests/sarif-schema-2.1.0.json is the official OASIS schema, copied unchanged from
oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json
(commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab; 112,318 characters, sha256
80cd7ffb9b62a4162d541aa9170862dd264f6cce0f04c57f1ac9f2337b808958).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main

SCHEMA_FILE = Path(__file__).parent / "sarif-schema-2.1.0.json"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def sarif(capsys, *args: str) -> dict:
    main(["--isolated", "--format", "sarif", *args])
    return json.loads(capsys.readouterr().out)


def test_schema_file_is_the_official_one():
    digest = hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()
    assert digest == "80cd7ffb9b62a4162d541aa9170862dd264f6cce0f04c57f1ac9f2337b808958"


def test_exact_results_with_utf16_columns(tmp_path, capsys, validator, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # 😊 is one code point but two UTF-16 code units: columns after it shift by one.
    Path("story.txt").write_text("Intro 😊 line.\n\n😊 Hide caption 😊\nHide caption\n", encoding="utf-8")
    log = sarif(capsys, "--select", "SC101", "story.txt")
    validator.validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    rules = run["tool"]["driver"]["rules"]
    (result,) = run["results"]
    assert rules[result["ruleIndex"]]["id"] == "SC101"
    assert result == {
        "ruleId": "SC101",
        "level": "error",
        "message": {"text": "Caption control `Hide caption` left in the article"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "story.txt"},
                    "region": {"startLine": 4, "startColumn": 1, "endLine": 4, "endColumn": 13},
                }
            }
        ],
        "properties": {"category": "boilerplate"},
        "fixes": [
            {
                "description": {"text": "Delete the line"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "story.txt"},
                        "replacements": [
                            {
                                # From the end of line 3 ("😊 Hide caption 😊": 16 code points,
                                # 18 UTF-16 units) to the end of line 4.
                                "deletedRegion": {
                                    "startLine": 3,
                                    "startColumn": 19,
                                    "endLine": 4,
                                    "endColumn": 13,
                                }
                            }
                        ],
                    }
                ],
                "properties": {"applicability": "safe"},
            }
        ],
        "ruleIndex": result["ruleIndex"],
    }


def test_rules_metadata(tmp_path, capsys, validator, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Fine text.\n", encoding="utf-8")
    log = sarif(capsys, "a.txt")
    validator.validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "newslint"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert {"SC101", "SC102", "SC402"} <= set(rules)
    caption = rules["SC101"]
    assert caption["name"] == "caption-control"
    assert caption["defaultConfiguration"] == {"level": "error", "enabled": True}
    assert caption["shortDescription"]["text"].startswith("Flags a line that is only a photo viewer")
    assert "**Why is this bad.**" in caption["help"]["markdown"]
    assert "Fix safety:" in caption["help"]["text"]
    assert caption["properties"]["tags"] == ["boilerplate"]
    assert "/work/" not in json.dumps(driver)  # no machine paths in rule help
    assert log["runs"][0]["results"] == []


def test_markdown_and_html_regions_point_into_the_source(capsys, validator, monkeypatch):
    monkeypatch.chdir(GOLDEN)
    log = sarif(capsys, "markdown/harbour-crane.md", "html/museum-reopens.html")
    validator.validate(log)
    found = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            "fixes" in r,
        )
        for r in log["runs"][0]["results"]
    ]
    assert found == [
        ("SC102", "markdown/harbour-crane.md", 12, 1, True),
        ("SC101", "markdown/harbour-crane.md", 20, 1, True),
        ("SC107", "markdown/harbour-crane.md", 28, 1, True),
        ("SC402", "markdown/harbour-crane.md", 40, 1, True),
        ("SC108", "markdown/harbour-crane.md", 53, 1, True),
        ("SC102", "html/museum-reopens.html", 14, 22, True),
        ("SC101", "html/museum-reopens.html", 21, 6, True),
        ("SC107", "html/museum-reopens.html", 26, 6, True),
    ]


def test_unreadable_file_is_a_valid_result(tmp_path, capsys, validator):
    missing = tmp_path / "nowhere.txt"
    log = sarif(capsys, str(missing))
    validator.validate(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "NL901"
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "NL901"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")


def test_validator_catches_a_broken_log(validator):
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_rule_descriptor_levels_and_help_uri(validator):
    from newslint.diagnostics import Category, Severity
    from newslint.formatters.sarif import rule_descriptor
    from newslint.rules import Rule, RuleDoc

    item = Rule(
        code="MT101",
        name="sentence-case-lost",
        category=Category.CAPITALIZATION,
        severity=Severity.INFO,
        check=lambda document, options: [],
        doc=RuleDoc(
            what="Flags lower-case sentence starts.", why="Readers stumble.", link="https://example.org/MT101"
        ),
        enabled_by_default=False,
    )
    descriptor = rule_descriptor(item)
    assert descriptor["helpUri"] == "https://example.org/MT101"
    assert descriptor["defaultConfiguration"] == {"level": "note", "enabled": False}
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "newslint", "rules": [descriptor]}}}]}
    validator.validate(log)
