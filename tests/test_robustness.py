"""Bad input never crashes, hangs or loses text: every case is one file among good ones.

Each test lints the odd file next to a damaged article and checks that the article is
still linted (one bad file never stops the others) and that the exit code says what
went wrong.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.errors import InputError
from newslint.files import Source, decode, read_bounded, remove_stale_temps

ARTICLE = textwrap.dedent(
    """\
    Harbour ferry returns after repairs

    PORTHAVEN – The harbour ferry resumed service on Monday after six weeks of repairs.

    Hide caption

    Passengers said they were glad to see it back.

    Leave a Reply
    """
)
FIXED = textwrap.dedent(
    """\
    Harbour ferry returns after repairs

    PORTHAVEN – The harbour ferry resumed service on Monday after six weeks of repairs.

    Passengers said they were glad to see it back.
    """
)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run(capsys, *argv, stdin=None):
    code = main(list(argv), stdin=stdin)
    out, err = capsys.readouterr()
    return code, out, err


def findings(capsys, *argv, stdin=None):
    code, out, err = run(capsys, "--format", "json", *argv, stdin=stdin)
    return code, [(f["path"], f["code"], f["message"]) for f in json.loads(out)], err


GOOD = [
    ("good.txt", "SC101", "Caption control `Hide caption` left in the article"),
    ("good.txt", "SC105", "Comment-form text `Leave a Reply` left in the article"),
]


# -- binary and undecodable files -----------------------------------------------------------


def test_nul_byte_anywhere_marks_a_binary_file(folder, capsys):
    # the NUL is far past the first few kilobytes a sniffer would look at
    (folder / "late.txt").write_bytes(b"Plain words. " * 2000 + b"\x00tail\n")
    code, found, _ = findings(capsys, "late.txt", "good.txt")
    assert found == [("late.txt", "NL901", "Binary file (it contains NUL bytes): skipped"), *GOOD]
    assert code == 1


def test_invalid_utf8_names_the_byte_offset(folder, capsys):
    (folder / "bad.txt").write_bytes("Über die Brücke\n".encode() + b"caf\xe9\n")
    code, found, _ = findings(capsys, "bad.txt", "good.txt")
    assert found[0] == ("bad.txt", "NL901", "Not UTF-8: invalid byte 0xE9 at byte offset 21")
    assert found[1:] == GOOD and code == 1


CP1252_ARTICLE = (
    "Caf\u00e9 owners in the old town said the new rules were \u201cunfair\u201d and "
    "would cost them \u20ac2,000 a year.\n\nHide caption\n\nThe council will vote on the "
    "plan in M\u00e4rz, a spokesman for the na\u00efve planners said.\n"
)


def test_encoding_auto_detects_and_writes_back_in_the_same_encoding(folder, capsys):
    data = CP1252_ARTICLE.encode("cp1252")
    (folder / "legacy.txt").write_bytes(data)
    code, found, _ = findings(capsys, "legacy.txt")
    assert code == 1 and found[0][1] == "NL901"  # strict by default
    code, found, _ = findings(capsys, "--encoding", "auto", "legacy.txt")
    assert [f[1] for f in found] == ["SC101"]
    run(capsys, "--fix", "--encoding", "auto", "legacy.txt")
    assert (folder / "legacy.txt").read_bytes() == CP1252_ARTICLE.replace("Hide caption\n\n", "").encode(
        "cp1252"
    )


def test_encoding_auto_leaves_utf8_alone(folder, capsys):
    code, found, _ = findings(capsys, "--encoding", "auto", "good.txt")
    assert found == GOOD and code == 1


def test_unencodable_fix_is_an_error_not_a_lossy_write():
    with pytest.raises(InputError) as error:
        Source("x", "latin-1").encode("\u2026")
    assert error.value.code == "NL903"
    assert "cannot be written in latin-1" in str(error.value)


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-bom"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
        (lambda t: codecs.BOM_UTF32_BE + t.encode("utf-32-be"), "utf-32-be"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_byte_order_marks_are_read_and_kept_by_fix(folder, capsys, encode, name):
    (folder / "marked.txt").write_bytes(encode(ARTICLE))
    code, found, _ = findings(capsys, "marked.txt")
    assert [f[1] for f in found] == ["SC101", "SC105"] and code == 1
    run(capsys, "--fix", "marked.txt")
    assert (folder / "marked.txt").read_bytes() == encode(FIXED)


def test_utf16_text_opening_with_nul_is_not_taken_for_utf32():
    data = codecs.BOM_UTF16_LE + "\x00Hide caption\n".encode("utf-16-le")
    source = decode(data)
    assert (source.text, source.encoding) == ("\x00Hide caption\n", "utf-16-le")
    assert source.encode(source.text) == data


def test_truncated_utf16_is_a_clear_error():
    with pytest.raises(InputError, match=r"Not valid UTF-16-LE: truncated data at byte offset \d+"):
        decode(codecs.BOM_UTF16_LE + "Hello".encode("utf-16-le") + b"\x00")


@pytest.mark.parametrize(
    "newlines", [["\r\n"], ["\r"], ["\n", "\r\n", "\r", "\r\n"]], ids=["crlf", "cr", "mixed"]
)
def test_fix_keeps_every_line_ending(folder, capsys, newlines):
    def with_endings(text):
        lines = text.split("\n")
        return "".join(
            line + newlines[i % len(newlines)] if i < len(lines) - 1 else line for i, line in enumerate(lines)
        )

    before = with_endings(ARTICLE)
    (folder / "ends.txt").write_bytes(before.encode("utf-8"))
    run(capsys, "--fix", "ends.txt")
    # each deleted line takes its own line break with it; every other byte stays
    caption = before[before.index("Hide caption") : before.index("Passengers")]
    reply = before[before.index("back.") + 5 : before.index("Leave a Reply") + len("Leave a Reply")]
    expected = before.replace(caption, "").replace(reply, "")
    assert (folder / "ends.txt").read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", b"\r\n\r\n", b"\xef\xbb\xbf"], ids=repr)
def test_empty_and_blank_files(folder, capsys, content):
    path = folder / "blank.txt"
    path.write_bytes(content)
    stamp = path.stat().st_mtime_ns
    assert run(capsys, "blank.txt") == (0, "All checks passed.\n", "")
    assert run(capsys, "--fix", "blank.txt")[0] == 0
    assert path.read_bytes() == content and path.stat().st_mtime_ns == stamp  # not even rewritten


# -- size ------------------------------------------------------------------------------------


def test_a_100_mb_file_is_skipped_without_being_read(folder, capsys):
    # A sparse file: 100 MB as far as every system call can tell, at no disk cost.
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1000 * 1000)
    tracemalloc.start()
    try:
        code, found, _ = findings(capsys, "huge.txt", "good.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found[0] == (
        "huge.txt",
        "NL901",
        "File too large: 100000000 bytes (max-file-size is 10485760): skipped",
    )
    assert found[1:] == GOOD and code == 1
    assert peak < 20 * 1024 * 1024  # nowhere near the file's size


def test_reading_stops_past_the_limit_even_if_the_size_lies(folder, monkeypatch):
    path = folder / "growing.txt"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def shrunk(fd):  # the file "grew" after fstat: the reader must not trust st_size
        result = real_fstat(fd)
        return os.stat_result((*result[:6], 10, *result[7:]))

    monkeypatch.setattr(os, "fstat", shrunk)
    with pytest.raises(InputError, match=r"File too large: more than 1001 bytes \(max-file-size is 1000\)"):
        read_bounded(path, 1000)


# The child reads its own peak from /proc: ru_maxrss from wait4 would not do, because Linux
# carries the forking process's peak across exec, so it would report this test process's size.
PEAK_MEMORY_PROGRAM = """
import atexit, runpy, sys
def report(path):
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(peak.split()[1])
atexit.register(report, sys.argv[1])
sys.argv = ["newslint", *sys.argv[2:]]
runpy.run_module("newslint", run_name="__main__")
"""


@pytest.mark.slow
@pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="needs /proc to read the child's peak memory"
)
def test_the_largest_default_file_finishes_in_bounded_memory(folder):
    """A file just under the default max-file-size (10 MiB) of article text, with damage
    in it, is linted and fixed in a subprocess whose peak memory is measured."""
    paragraph = "The harbour ferry resumed service on Monday after six weeks of repairs, officials said. " * 3
    block = f"{paragraph}\n\nHide caption\n\n"
    count = (10 * 1024 * 1024 - 1) // len(block.encode("utf-8"))
    (folder / "big.txt").write_text(block * count, encoding="utf-8")
    process = subprocess.run(
        # only the boilerplate rules: the point is the pipeline's memory, and all rules
        # together take minutes on 10 MiB (see the robustness report)
        [
            sys.executable,
            "-c",
            PEAK_MEMORY_PROGRAM,
            "peak.txt",
            "--isolated",
            "--select",
            "SC1",
            "--fix",
            "--quiet",
            "big.txt",
        ],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert process.returncode == 0
    assert (folder / "big.txt").read_text(encoding="utf-8") == f"{paragraph}\n\n" * count
    peak_kib = int((folder / "peak.txt").read_text())
    assert 10 * 1024 < peak_kib < 40 * 10 * 1024  # the text was read, and memory stayed under 40x it


def test_a_single_10_mb_line(folder, capsys):
    line = ("The ferry carried passengers across the harbour all day long " * 160_000)[:10_000_000]
    content = f"Hide caption\n\n{line}\n"
    (folder / "long.txt").write_text(content, encoding="utf-8")
    code, found, _ = findings(capsys, "--select", "SC1", "long.txt")
    assert [f[1] for f in found] == ["SC101"] and code == 1
    run(capsys, "--select", "SC1", "--fix", "long.txt")
    assert (folder / "long.txt").read_text(encoding="utf-8") == f"{line}\n"


# -- paths: links, permissions, FIFOs, names -------------------------------------------------


def test_symbolic_link_loops(folder, capsys):
    news = folder / "news"
    news.mkdir()
    (news / "a.txt").symlink_to(news / "b.txt")
    (news / "b.txt").symlink_to(news / "a.txt")
    (news / "self").symlink_to(news)
    (news / "gone.txt").symlink_to(news / "missing.txt")
    (news / "real.txt").write_text("Hide caption\n", encoding="utf-8")
    code, found, _ = findings(capsys, "news", "news/a.txt", "good.txt")
    assert found == [
        ("news/a.txt", "NL901", "Cannot read: Too many levels of symbolic links"),
        ("news/b.txt", "NL901", "Cannot read: Too many levels of symbolic links"),
        ("news/gone.txt", "NL901", "No such file (a broken symbolic link)"),
        ("news/real.txt", "SC101", "Caption control `Hide caption` left in the article"),
        ("news/a.txt", "NL901", "Cannot read: Too many levels of symbolic links"),
        *GOOD,
    ]
    assert code == 1


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their mode bits; see the monkeypatched test below",
)
def test_permission_denied_by_mode_bits(folder, capsys):
    locked = folder / "locked.txt"
    locked.write_text("Hide caption\n", encoding="utf-8")
    locked.chmod(0)
    try:
        code, found, _ = findings(capsys, "locked.txt", "good.txt")
    finally:
        locked.chmod(0o644)
    assert found == [("locked.txt", "NL901", "Permission denied"), *GOOD] and code == 1


def test_permission_denied_when_opening(folder, capsys, monkeypatch):
    # Works as root too: the operating system's refusal is simulated where newslint opens files.
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    (folder / "locked.txt").write_text("Hide caption\n", encoding="utf-8")
    monkeypatch.setattr(os, "open", guarded)
    code, found, _ = findings(capsys, "locked.txt", "good.txt")
    assert found == [("locked.txt", "NL901", "Permission denied"), *GOOD] and code == 1


def test_unlistable_folder_is_reported(folder, capsys, monkeypatch):
    (folder / "news" / "private").mkdir(parents=True)
    (folder / "news" / "private" / "a.txt").write_text("Hide caption\n", encoding="utf-8")
    (folder / "news" / "b.txt").write_text("Leave a Reply\n", encoding="utf-8")
    real_scandir = os.scandir

    def guarded(path="."):
        if os.fspath(path).endswith("private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded)
    code, found, _ = findings(capsys, "news")
    assert found == [
        ("news/b.txt", "SC105", "Comment-form text `Leave a Reply` left in the article"),
        ("news/private", "NL901", "Cannot list the folder: Permission denied"),
    ]
    assert code == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(folder):
    # Opening a FIFO with no writer blocks forever with a plain open(): run in a
    # subprocess so that a regression fails on the timeout instead of hanging the suite.
    os.mkfifo(folder / "pipe.txt")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "pipe.txt", "good.txt"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 1
    assert "pipe.txt: NL901 Not a regular file (a FIFO, socket or device): skipped" in result.stdout
    assert "good.txt:5:1: SC101" in result.stdout


def test_directory_given_as_the_config_file(folder, capsys):
    (folder / "conf").mkdir()
    code, out, err = run(capsys, "--config", "conf", "good.txt")
    assert code == 2 and out == ""
    assert err.startswith("newslint: error: conf: cannot read: ") and "Is a directory" in err


def test_missing_paths_among_good_ones(folder, capsys):
    code, found, _ = findings(capsys, "nope.txt", "good.txt", "no/such/folder")
    assert found == [
        ("nope.txt", "NL901", "No such file"),
        *GOOD,
        ("no/such/folder", "NL901", "No such file"),
    ]
    assert code == 1


def test_stdin_edge_cases(folder, capsys):
    empty = io.TextIOWrapper(io.BytesIO(b""))
    assert run(capsys, "--fix", "-", stdin=empty) == (0, "", "All checks passed.\n")
    binary = io.TextIOWrapper(io.BytesIO(b"\x00\x01"))
    code, found, _ = findings(capsys, "-", stdin=binary)
    assert found == [("-", "NL901", "Binary file (it contains NUL bytes): skipped")] and code == 1


def test_stdin_fix_keeps_the_input_encoding(folder, capsysbinary):
    data = codecs.BOM_UTF16_BE + ARTICLE.replace("\n", "\r\n").encode("utf-16-be")
    code = main(["--fix", "-"], stdin=io.TextIOWrapper(io.BytesIO(data)))
    out, err = capsysbinary.readouterr()
    assert code == 0 and err == b"Fixed 2 findings.\n"
    assert out == codecs.BOM_UTF16_BE + FIXED.replace("\n", "\r\n").encode("utf-16-be")


NON_UTF8_NAME = b"caf\xe9-\xff.txt"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="needs a file system that stores raw bytes")
def test_file_names_that_are_not_utf8(folder, capsys):
    (folder / "news").mkdir()
    os.close(os.open(os.path.join(b"news", NON_UTF8_NAME), os.O_CREAT | os.O_WRONLY, 0o644))
    with open(os.path.join(b"news", NON_UTF8_NAME), "wb") as handle:
        handle.write(b"Hide caption\n")
    shown = "news/caf\\xe9-\\xff.txt"
    # named on the command line (Python hands such arguments over as surrogate escapes)
    argument = os.fsdecode(os.path.join(b"news", NON_UTF8_NAME))
    code, out, err = run(capsys, argument, "news")
    assert (
        out.splitlines()[:2]
        == [f"{shown}:1:1: SC101 [*] Caption control `Hide caption` left in the article"] * 2
    )
    assert code == 1 and err == ""
    code, found, _ = findings(capsys, argument, "news")
    assert [f[0] for f in found] == [shown, shown]
    _, out, _ = run(capsys, "--format", "github", "news")
    assert out.startswith(f"::error file={shown},line=1")
    # fixing such a file works too
    run(capsys, "--fix", "news")
    with open(os.path.join(b"news", NON_UTF8_NAME), "rb") as handle:
        assert handle.read() == b""


def test_output_survives_a_terminal_that_cannot_show_the_text(folder):
    # Real standard streams in ASCII: a message quoting "–" or a name with odd bytes must
    # come out escaped, not as a UnicodeEncodeError.
    (folder / "dash.txt").write_text(
        "Hide caption\n\nPORTHAVEN – Ferries run.\n\nLeave a Reply – now\n\nCafé\n", encoding="utf-8"
    )
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Leave a Reply\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "--isolated",
            "--select",
            "SC1",
            "--format",
            "json",
            "dash.txt",
            "good.txt",
        ],
        cwd=folder,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    assert [f["path"] for f in json.loads(result.stdout)] == ["dash.txt", "good.txt", "good.txt"]
    text = subprocess.run(
        [sys.executable, "-m", "newslint", "--isolated", "--select", "SC1", ".", "dash.txt"],
        cwd=folder,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert text.returncode == 1 and b"Traceback" not in text.stderr, text.stderr
    assert b"caf\\xe9.txt:1:1: SC105 [*] Comment-form text `Leave a Reply` left in the article" in text.stdout
    assert b"dash.txt:1:1: SC101" in text.stdout


def test_stdin_with_encoding_auto(folder, capsysbinary):
    legacy = io.TextIOWrapper(io.BytesIO(CP1252_ARTICLE.encode("cp1252")))
    code = main(["--fix", "--encoding", "auto", "-"], stdin=legacy)
    assert code == 0
    # the fixed text comes out in the input's own encoding
    assert capsysbinary.readouterr().out == CP1252_ARTICLE.replace("Hide caption\n\n", "").encode("cp1252")


def test_read_source_on_a_folder(tmp_path):
    with pytest.raises(InputError, match=r"^Is a directory$"):
        read_bounded(tmp_path, 100)


def test_stale_temp_files_of_dead_runs_are_removed(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = dead.stdout.strip()
    stale = [tmp_path / f".a.txt.{pid}.abc.newslint-tmp", tmp_path / f".b.v2.md.{pid}.x_1.newslint-tmp"]
    kept = [
        tmp_path / f".a.txt.{os.getpid()}.abc.newslint-tmp",  # a live run is still writing it
        tmp_path / "notes.newslint-tmp",  # not ours
        tmp_path / f".a.txt.{pid}.abc.newslint-tmp.bak",
    ]
    for path in (*stale, *kept):
        path.write_text("partial", encoding="utf-8")
    assert remove_stale_temps(tmp_path) == sorted(stale)
    assert all(path.exists() for path in kept) and not any(path.exists() for path in stale)
