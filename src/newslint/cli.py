"""The command line: parse arguments, run, print, and map the outcome to an exit code.

This is the only module that prints or exits.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newslint import __version__

# Everything else is imported where it is used: `--version` and `--help` need none of it,
# and a lint run only what it uses.
if TYPE_CHECKING:
    from newslint.app import FileResult, Linter
    from newslint.config import Config
    from newslint.diagnostics import Applicability
    from newslint.isolation import GuardedFormatter
    from newslint.score import ArticleScore

ENCODINGS = ("utf-8", "auto")  # newslint.files.ENCODINGS (tests/test_cli.py checks they agree)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_CRASH = 0, 1, 2, 3
FILE_BATCH = 4096  # files handed to the worker pool at a time


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Find scraping damage and machine-translation artifacts in news articles.",
        epilog="Exit status: 0 clean, 1 findings, 2 usage or configuration error, 3 a rule crashed.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads standard input"
    )
    sel = parser.add_argument_group("rule selection")
    sel.add_argument(
        "--select",
        type=_codes,
        action="extend",
        metavar="CODES",
        help="only these codes, prefixes, rule names or categories (comma-separated)",
    )
    sel.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="add to the selection, e.g. rules that are off by default",
    )
    sel.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="skip these codes, prefixes, rule names or categories",
    )
    sel.add_argument(
        "--fail-on",
        choices=["info", "warning", "error"],
        help="lowest severity that makes the exit status 1 (default: info)",
    )
    fix = parser.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    out = parser.add_argument_group("output")
    out.add_argument(
        "--format", default="text", metavar="NAME", help="text (default), json, github, sarif or html"
    )
    out.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour output (auto: only on a terminal without NO_COLOR)",
    )
    out.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    out.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of crashed rules")
    cfg = parser.add_argument_group("configuration")
    cfg.add_argument("--config", type=Path, metavar="FILE", help="use this newslint.toml or pyproject.toml")
    cfg.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    cfg.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help="utf-8 (default: anything else is an NL901 error) or auto: guess the encoding of a file "
        "that is not UTF-8 and write fixes back in it",
    )
    cfg.add_argument("--stdin-filename", metavar="NAME", help="the name of the file read from standard input")
    cfg.add_argument(
        "--no-plugin", action="append", default=[], metavar="NAME", help="do not load this plugin"
    )
    _add_quality_arguments(parser)
    perf = parser.add_argument_group("speed")
    perf.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="lint files on N worker processes (default: the number of cores)",
    )
    perf.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")
    perf.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where to keep the results cache (default: $NEWSLINT_CACHE_DIR or ./.newslint_cache)",
    )
    perf.add_argument(
        "--timing", action="store_true", help="print the time each rule took, slowest first, to stderr"
    )
    info = parser.add_argument_group("information")
    info.add_argument("--show-rules", action="store_true", help="list every rule and exit")
    info.add_argument("--show-plugins", action="store_true", help="list the loaded plugins and exit")
    info.add_argument("--explain", metavar="CODE", help="show a rule's documentation and exit")
    info.add_argument("--version", action="version", version=f"newslint {__version__}")
    return parser


# -- article quality: --statistics, --fail-under, --languagetool (issue 6) ----------------


def _add_quality_arguments(parser: argparse.ArgumentParser) -> None:
    quality = parser.add_argument_group("article quality")
    quality.add_argument(
        "--statistics",
        action="store_true",
        help="show each article's quality score and readability (in JSON: one RD000 object per file)",
    )
    quality.add_argument(
        "--fail-under",
        type=float,
        metavar="SCORE",
        help="exit 1 when an article's quality score (0-100) is below SCORE; findings alone then "
        "set the exit status only with an explicit --fail-on",
    )
    quality.add_argument(
        "--languagetool",
        metavar="URL",
        help="check grammar and spelling with this LanguageTool server (http://host:8081), "
        "or 'local' to start one (needs newslint[grammar] and Java)",
    )
    quality.add_argument(
        "--languagetool-optional",
        action="store_true",
        help="when the LanguageTool server cannot be reached, warn and lint without it",
    )


def _score(result: FileResult, args: argparse.Namespace, wanted: bool) -> ArticleScore | None:
    if result.document is None or args.diff or not (wanted or args.fail_under is not None):
        return None
    from newslint.score import score_article

    return score_article(result.document, result.findings)


def _quality_gate(
    code: int, result: FileResult, scored: ArticleScore | None, args: argparse.Namespace
) -> int:
    """With --fail-under the score decides; findings count too only with an explicit --fail-on."""
    if args.fail_under is None or args.diff or code == EXIT_CRASH:
        return code
    if code == EXIT_FINDINGS and args.fail_on is None:
        code = EXIT_OK
    if scored is None:  # unreadable: no score, so it cannot pass
        return max(code, EXIT_FINDINGS)
    if scored.score < args.fail_under:
        sys.stderr.write(
            f"newslint: {result.path}: quality score {scored.score:.1f} is below --fail-under {args.fail_under:g}\n"
        )
        return max(code, EXIT_FINDINGS)
    return code


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _transform(args: argparse.Namespace) -> Callable[[Config], Config]:
    """Command-line options win over the file: --select replaces, the others add."""
    from dataclasses import replace

    from newslint.builtin.languagetool import with_command_line
    from newslint.diagnostics import Severity

    def apply(config: Config) -> Config:
        return replace(
            config,
            select=tuple(args.select) if args.select is not None else config.select,
            extend_select=(*config.extend_select, *args.extend_select),
            ignore=(*config.ignore, *args.ignore),
            fail_on=Severity.parse(args.fail_on) if args.fail_on else config.fail_on,
            unsafe_fixes=config.unsafe_fixes or args.unsafe_fixes,
            plugins=with_command_line(config.plugins, args.languagetool, args.languagetool_optional),
        )

    return apply


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _tolerant_streams() -> None:
    """Let standard output and error print any text: a character the terminal's encoding
    lacks becomes an escape instead of a crash (fixed text is written as bytes)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    _tolerant_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["corpus"] and not os.path.lexists("corpus"):
        # `newslint corpus INPUT`; a file or folder named `corpus` is still linted as a path.
        from newslint.corpus import main as corpus_main

        return corpus_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = argv
    from newslint.errors import NewslintError

    try:
        return _run(args, parser, stdin or sys.stdin)
    except NewslintError as exc:
        hint = f"\n  hint: {exc.hint}" if exc.hint else ""
        sys.stderr.write(f"newslint: error: {exc}{hint}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        return 130


def make_linter(args: argparse.Namespace) -> Linter:
    from newslint.app import Linter

    return Linter(
        config_file=args.config,
        isolated=args.isolated,
        transform=_transform(args),
        blocked=args.no_plugin,
        encoding=args.encoding,
    )


def _linter_from_argv(argv: list[str]) -> Linter:
    """Build the linter a command line builds: how spawned worker processes get theirs."""
    return make_linter(build_parser().parse_args(argv))


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser, stdin: TextIO) -> int:
    linter = make_linter(args)
    out = sys.stdout
    if args.show_plugins:
        from newslint.plugins import plugin_names

        for name, version in plugin_names(linter.pm):
            out.write(f"{name}  {version}\n")
        return EXIT_OK
    base = linter.config_for(Path(args.paths[0]) if args.paths and args.paths[0] != "-" else None)
    registry = linter.registry_for(base)
    from newslint.explain import explain_rule, rules_table

    if args.show_rules:
        out.write(rules_table(registry, linter.selection_for(base, None)))
        return EXIT_OK
    if args.explain:
        item = registry.get(args.explain)
        if item is None:
            sys.stderr.write(f"newslint: error: no rule {args.explain!r}; see --show-rules\n")
            return EXIT_USAGE
        out.write(explain_rule(item))
        return EXIT_OK
    if not args.paths:
        parser.error("no PATH given (use - for standard input)")
    if args.format not in linter.plugins.formatters:
        known = ", ".join(sorted(linter.plugins.formatters))
        sys.stderr.write(f"newslint: error: unknown format {args.format!r} (known: {known})\n")
        return EXIT_USAGE
    return _lint_paths(args, linter, stdin, base)


def _lint_paths(args: argparse.Namespace, linter: Linter, stdin: TextIO, base: Config) -> int:
    from newslint.diagnostics import Applicability
    from newslint.formatters.base import Summary
    from newslint.isolation import make_formatter
    from newslint.timing import RuleTimer

    unsafe = base.unsafe_fixes
    threshold = Applicability.UNSAFE if unsafe else Applicability.SAFE
    fix = threshold if args.fix or args.diff else None
    stdin_mode_output = args.fix and args.paths == ["-"]
    report_stream = sys.stderr if stdin_mode_output else sys.stdout
    formatter = make_formatter(
        linter.plugins.formatters[args.format],
        args.format,
        report_stream,
        color=_use_color(args.color, report_stream),
        unsafe_fixes=unsafe,
        verbose=args.verbose,
    )
    formatter.use_rules(linter.registry_for(base))
    exit_code = EXIT_OK
    totals = {"files": 0, "findings": 0, "fixed": 0, "safe": 0, "unsafe": 0}
    shown = args.statistics or formatter.wants_statistics  # the score is part of the output
    if args.timing:
        linter.timer = RuleTimer()
    for path, result in _results(args, linter, stdin, fix):
        scored = _score(result, args, shown)
        exit_code = max(exit_code, _quality_gate(_exit_for(result, linter, path, args), result, scored, args))
        _report(result, formatter, totals, args, scored if shown else None)
        if result.output is not None:
            _write_fixed(result)
    if not args.quiet or args.format != "text":
        formatter.finish(
            Summary(
                totals["files"], totals["findings"], totals["fixed"], totals["safe"], totals["unsafe"], fix
            )
        )
    if linter.timer is not None:
        sys.stderr.write(linter.timer.report())
    return max(exit_code, EXIT_CRASH) if formatter.crashed else exit_code


def _write_fixed(result: FileResult) -> None:
    """Print fixed standard input in its own encoding, byte for byte where the stream allows."""
    buffer = getattr(sys.stdout, "buffer", None)
    if result.output_data is not None and buffer is not None:
        sys.stdout.flush()
        buffer.write(result.output_data)
        buffer.flush()
    elif result.output is not None:
        sys.stdout.write(result.output)


def _results(
    args: argparse.Namespace, linter: Linter, stdin: TextIO, fix: Applicability | None
) -> Iterator[tuple[Path | None, FileResult]]:
    """Lint every path in command-line order: files through the pool and cache, stdin inline."""
    from newslint.app import iter_files
    from newslint.cache import ResultCache, default_cache_dir
    from newslint.files import display_name
    from newslint.parallel import FileJob, check_paths, default_jobs

    cache = None if args.no_cache else ResultCache(args.cache_dir or default_cache_dir())
    job = FileJob(fix=fix, diff=args.diff, cache=cache, timing=args.timing)
    factory = functools.partial(_linter_from_argv, args.argv)
    jobs = args.jobs or default_jobs()
    batch: list[tuple[Path, str]] = []

    def flush() -> Iterator[tuple[Path | None, FileResult]]:
        results = check_paths(linter, batch, job, jobs=jobs, factory=factory)
        yield from zip((path for path, _ in batch), results, strict=True)
        batch.clear()

    for path, display in iter_files(args.paths):
        if path is not None:
            batch.append((path, display))
            if len(batch) >= FILE_BATCH:  # bounded: a huge tree is never held in memory at once
                yield from flush()
            continue
        yield from flush()
        data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        named = Path(args.stdin_filename) if args.stdin_filename else None
        shown = display_name(args.stdin_filename or "-")
        yield None, linter.check_file_safely(named, shown, fix=fix, diff=args.diff, data=data)
    yield from flush()


def _report(
    result: FileResult,
    formatter: GuardedFormatter,
    totals: dict[str, int],
    args: argparse.Namespace,
    scored: ArticleScore | None = None,
) -> None:
    from newslint.diagnostics import Applicability
    from newslint.formatters.base import FileReport

    totals["files"] += 1
    totals["fixed"] += result.fixed
    if args.diff:
        if result.diff:
            sys.stdout.write(result.diff)
        return
    totals["findings"] += len(result.findings)
    for finding in result.findings:
        if finding.fix is not None and finding.fix.applicability is Applicability.SAFE:
            totals["safe"] += 1
        elif finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE:
            totals["unsafe"] += 1
    report = FileReport(
        result.path,
        result.document,
        result.findings,
        result.fixed,
        statistics=scored,
    )
    formatter.file(report)
    if args.verbose:
        for finding in result.findings:
            if finding.details:
                sys.stderr.write(f"{result.path}: {finding.code} {finding.message}\n{finding.details}\n")


def _exit_for(result: FileResult, linter: Linter, path: Path | None, args: argparse.Namespace) -> int:
    from newslint.diagnostics import Severity
    from newslint.engine import CRASH_CODE

    if args.diff:
        return EXIT_FINDINGS if result.diff else EXIT_OK
    if any(f.code == CRASH_CODE for f in result.findings):
        return EXIT_CRASH
    fail_on = linter.config_for(path).fail_on if result.document is not None else Severity.INFO
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in result.findings) else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
