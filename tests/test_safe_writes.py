"""--fix writes atomically: permissions and links kept, read-only files and files changed
meanwhile left alone, and a run killed in the middle of a write leaves the original intact."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap

import pytest

from newslint import app
from newslint.cli import main

ARTICLE = "The ferry sailed at noon.\n\nHide caption\n\nPassengers cheered.\n"
FIXED = "The ferry sailed at noon.\n\nPassengers cheered.\n"


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main(["--isolated", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def temp_files(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".newslint-tmp"))


def test_fix_keeps_permission_bits(story, capsys):
    story.chmod(0o640)
    assert run(capsys, "--fix", "story.txt")[0] == 0
    assert story.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert temp_files(story.parent) == []


def test_fix_through_a_symbolic_link_keeps_the_link(story, capsys):
    (story.parent / "link.txt").symlink_to(story)
    run(capsys, "--fix", "link.txt")
    assert (story.parent / "link.txt").is_symlink()
    assert story.read_text(encoding="utf-8") == FIXED


def test_read_only_file_is_reported_and_unchanged(story, capsys):
    story.chmod(0o444)
    code, out, _ = run(capsys, "--fix", "story.txt")
    assert code == 1
    assert "story.txt: NL903 Cannot fix a read-only file; nothing was changed\n" in out
    assert story.read_text(encoding="utf-8") == ARTICLE
    assert temp_files(story.parent) == []


def test_unwritable_folder_is_reported_and_nothing_changes(story, capsys, monkeypatch):
    # As root a folder's mode bits do not stop writes: simulate the refusal where the temp file is made.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, out, _ = run(capsys, "--fix", "story.txt")
    assert code == 1
    assert "story.txt: NL903 Cannot write the fixed file: Permission denied; nothing was changed\n" in out
    assert story.read_text(encoding="utf-8") == ARTICLE


def test_file_changed_while_linting_is_not_overwritten(story, capsys, monkeypatch):
    real = app.fix_until_stable

    def edit_meanwhile(*args, **kwargs):
        outcome = real(*args, **kwargs)
        story.write_text(ARTICLE + "A late paragraph from the editor.\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(app, "fix_until_stable", edit_meanwhile)
    code, out, _ = run(capsys, "--fix", "story.txt")
    assert code == 1
    assert "NL903 The file changed on disk while it was linted; nothing was changed" in out
    assert story.read_text(encoding="utf-8").endswith("A late paragraph from the editor.\n")


def test_failed_rename_removes_the_temp_file(story, capsys, monkeypatch):
    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, out, _ = run(capsys, "--fix", "story.txt")
    assert "NL903 Cannot write the fixed file: No space left on device; nothing was changed" in out
    assert code == 1
    assert story.read_text(encoding="utf-8") == ARTICLE
    assert temp_files(story.parent) == []


# A run whose writer stops after the temporary file is complete and before the rename,
# as a run killed by the OOM killer, a CI timeout or a power cut at that instant would.
PAUSED_WRITER = textwrap.dedent(
    """\
    import os, sys, time

    def paused_replace(src, dst):
        print("TEMP-WRITTEN", src, flush=True)
        time.sleep(600)

    os.replace = paused_replace
    from newslint.cli import main
    sys.exit(main(["--isolated", "--fix", "story.txt"]))
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_run_killed_mid_write_leaves_the_original_intact(story, capsys):
    env = {**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_WRITER], cwd=story.parent, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("TEMP-WRITTEN"), line
        temp = line.split(" ", 1)[1].strip()
        with open(temp, encoding="utf-8") as handle:
            assert handle.read() == FIXED  # the new text is complete, but only in the temp file
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        process.kill()
        process.stdout.close()
    assert story.read_text(encoding="utf-8") == ARTICLE
    assert len(temp_files(story.parent)) == 1  # the killed run could not clean up ...
    assert run(capsys, "--fix", "story.txt")[0] == 0  # ... the next run does, and fixes the file
    assert temp_files(story.parent) == []
    assert story.read_text(encoding="utf-8") == FIXED
