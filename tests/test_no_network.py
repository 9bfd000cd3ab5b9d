"""A default run opens no network connection and resolves no host name.

Checked twice: in-process with the socket API replaced by tripwires, and in a fresh
interpreter with an audit hook (sys.addaudithook), which sees every socket operation,
including those from C code and from modules imported before the test could patch them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from newslint.cli import main

ARTICLE = "Ferry returns\n\nHide caption\n\nThe ferry sailed at noon, officials said.\n\nLeave a Reply\n"
RUNS = [
    [],
    ["--fix"],
    ["--diff"],
    ["--format", "json"],
    ["--format", "github", "--encoding", "auto"],
    ["--show-rules"],
]


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    def tripwire(*args, **kwargs):
        raise NetworkUsed(f"network used: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", tripwire)
    monkeypatch.setattr(socket.socket, "connect_ex", tripwire)
    monkeypatch.setattr(socket.socket, "sendto", tripwire)
    monkeypatch.setattr(socket, "create_connection", tripwire)
    monkeypatch.setattr(socket, "getaddrinfo", tripwire)
    monkeypatch.setattr(socket, "gethostbyname", tripwire)


@pytest.mark.parametrize("options", RUNS, ids=lambda o: " ".join(o) or "default")
def test_no_socket_in_process(tmp_path, monkeypatch, capsys, no_network, options):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes("Caf\xe9 owners agreed.\n".encode("latin-1"))
    code = main([*options, "story.txt", "legacy.txt"])
    assert code in (0, 1), capsys.readouterr()


AUDITED = textwrap.dedent(
    """\
    import socket, sys

    seen = []

    def audit(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
                     "socket.bind", "http.client.connect", "urllib.Request"):
            seen.append(event)
        elif event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6):
            seen.append(event)

    sys.addaudithook(audit)  # before newslint or any library it uses is imported
    from newslint.cli import main
    code = main(sys.argv[1:])
    sys.stderr.write("NETWORK-EVENTS " + repr(seen) + "\\n")
    sys.exit(code)
    """
)


@pytest.mark.parametrize("options", RUNS, ids=lambda o: " ".join(o) or "default")
def test_no_socket_in_a_fresh_interpreter(tmp_path, options):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"}
    result = subprocess.run(
        [sys.executable, "-c", AUDITED, *options, "story.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,  # entry-point plugin loading on, as users run it
    )
    assert result.returncode in (0, 1), result.stderr
    assert "NETWORK-EVENTS []" in result.stderr, result.stderr


def test_the_audit_hook_would_see_a_connection(tmp_path):
    """Control: the hook above does catch a real connection attempt (to a closed local port)."""
    program = AUDITED.replace(
        "from newslint.cli import main",
        "from newslint.cli import main\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass",
    )
    result = subprocess.run(
        [sys.executable, "-c", program, "--format", "json", "story.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "socket.connect" in result.stderr
    assert json.loads(result.stdout)[0]["code"] == "NL901"  # story.txt does not exist here
