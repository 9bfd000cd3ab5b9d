"""Read files into text without losing anything, and write them back atomically.

Reading never hangs and never takes more memory than ``max-file-size`` allows: only
regular files are read (a FIFO or a device is refused before any blocking read), and
at most ``max_size + 1`` bytes are read whatever the file claims to be. Decoding is
strict: the text can always be encoded back to the very same bytes.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from newslint.errors import InputError

Encoding = Literal["utf-8", "auto"]
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "auto")
TEMP_SUFFIX = ".newslint-tmp"
_swept: set[Path] = set()  # folders already cleared of stale temporary files in this process
# Byte-order marks, longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded text and how to encode it back byte for byte."""

    text: str
    encoding: str  # a Python codec name; "utf-8" keeps a BOM, if any, in the text
    bom: bytes = b""  # a UTF-16/32 byte-order mark, written back before the text
    stamp: tuple[int, int] | None = None  # (size, mtime_ns) when read: a later change stops a write

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise InputError(
                f"The fixed text cannot be written in {self.encoding} "
                f"(character {exc.object[exc.start]!r}); nothing was changed",
                code="NL903",
            ) from None


def decode(data: bytes) -> Source:
    """Decode bytes strictly: UTF-16/32 with a BOM, else UTF-8 (a UTF-8 BOM is kept as text)."""
    problem = ""
    for bom, codec in _BOMS:  # FF FE 00 00 is UTF-32-LE, or UTF-16-LE text opening with a NUL
        if data.startswith(bom):
            try:
                return Source(data[len(bom) :].decode(codec), codec, bom)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                problem = problem or f"Not valid {codec.upper()}: {exc.reason} at byte offset {offset}"
    if problem:
        raise InputError(problem)
    if b"\x00" in data:
        raise InputError("Binary file (it contains NUL bytes): skipped")
    try:
        return Source(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise InputError(
            f"Not UTF-8: invalid byte 0x{byte:02X} at byte offset {exc.start}",
            hint="convert the file to UTF-8, or use --encoding auto",
        ) from None


def decode_auto(data: bytes) -> Source:
    """Decode like :func:`decode`, but guess the legacy encoding of text that is not UTF-8.

    The guess (by charset-normalizer) is kept only if the text encodes back to exactly
    the same bytes, so a fixed file can be written in its own encoding.
    """
    try:
        return decode(data)
    except InputError as error:
        if b"\x00" in data or data.startswith(tuple(bom for bom, _ in _BOMS)):
            raise  # binary, or broken UTF-16/32: no legacy 8-bit encoding explains it
        from charset_normalizer import from_bytes  # imported here: only --encoding auto needs it

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{error}; no other encoding fits either") from None
        codec = codecs.lookup(best.encoding).name
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise InputError(f"{error}; the detected {codec} does not fit either") from None
        if text.encode(codec) != data:
            raise InputError(f"{error}; as {codec} it would not be written back unchanged") from None
        return Source(text, codec)


def decode_as(data: bytes, encoding: Encoding) -> Source:
    return decode_auto(data) if encoding == "auto" else decode(data)


def read_source(path: Path, max_size: int, encoding: Encoding = "utf-8") -> Source:
    """Read and decode a file, turning every failure into an :class:`InputError`."""
    data, stamp = read_bounded(path, max_size)
    return replace(decode_as(data, encoding), stamp=stamp)


def read_bounded(path: Path, max_size: int) -> tuple[bytes, tuple[int, int]]:
    """Return a regular file's bytes and (size, mtime_ns), reading at most ``max_size + 1`` bytes.

    The file is opened without blocking and checked with ``fstat`` on the open
    descriptor, so a FIFO, socket or device (or a file swapped for one) is refused
    instead of hanging the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        broken = os.path.islink(path)
        raise InputError("No such file (a broken symbolic link)" if broken else "No such file") from None
    except PermissionError:
        raise InputError("Permission denied") from None
    except OSError as exc:
        raise InputError(f"Cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(_directory_problem(path))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                "Not a regular file (a FIFO, socket or device): skipped",
                hint="pipe it to `newslint -` instead",
            )
        if info.st_size > max_size:
            raise InputError(_too_large(info.st_size, max_size))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_size + 1)
    except PermissionError:
        raise InputError("Permission denied") from None
    except OSError as exc:
        raise InputError(f"Cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > max_size:  # it grew after fstat
        raise InputError(_too_large(len(data), max_size, at_least=True))
    return data, (info.st_size, info.st_mtime_ns)


def _too_large(size: int, max_size: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"File too large: {more}{size} bytes (max-file-size is {max_size}): skipped"


def _directory_problem(path: Path) -> str:
    """Say why a folder was given where a file was expected: it cannot be listed, or it is a folder."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"Cannot list the folder: {exc.strerror or exc}"
    return "Is a directory"


def write_atomic(path: Path, data: bytes, *, expected: tuple[int, int] | None = None) -> None:
    """Replace the file at ``path`` with ``data`` through a temporary file in the same folder.

    The original is untouched until the final rename, so an interrupted run never leaves
    a half-written article; a symbolic link is followed (the link stays a link), the
    permission bits (and, where allowed, the owner) are kept. With ``expected`` (the
    stamp taken when the file was read), a file changed on disk meanwhile is not
    overwritten. Temporary files left by a killed run are removed.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except OSError as exc:
        raise InputError(f"Cannot write: {exc.strerror or exc}; nothing was changed", code="NL903") from None
    mode = stat.S_IMODE(info.st_mode)
    if not mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise InputError("Cannot fix a read-only file; nothing was changed", code="NL903")
    if expected is not None and (info.st_size, info.st_mtime_ns) != expected:
        raise InputError("The file changed on disk while it was linted; nothing was changed", code="NL903")
    if target.parent not in _swept:  # once per folder and run: a folder may hold thousands of files
        _swept.add(target.parent)
        remove_stale_temps(target.parent)
    import tempfile  # only fixes write files: keep it out of start-up

    fd, temp = tempfile.mkstemp(
        dir=target.parent, prefix=_temp_prefix(target) + f"{os.getpid()}.", suffix=TEMP_SUFFIX
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        with contextlib.suppress(OSError, AttributeError):  # only root may give a file away
            os.chown(temp, info.st_uid, info.st_gid)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete the temporary files in ``folder`` whose writing process no longer runs.

    A temporary file is named ``.<name>.<pid>.<random>.newslint-tmp``; one whose pid is
    alive belongs to a run still writing and is left alone.
    """
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
                continue
            parts = entry.name[: -len(TEMP_SUFFIX)].rsplit(".", 2)  # the name itself may hold dots
            if len(parts) == 3 and parts[1].isdigit() and not _process_alive(int(parts[1])):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return sorted(removed)


def _process_alive(pid: int) -> bool:
    if os.name != "posix":  # no cheap, side-effect-free check: assume it is
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the platform allows opening a folder."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def display_name(name: str) -> str:
    """A path as text that any output can print: undecodable bytes become ``\\xNN``.

    Python keeps the bytes of a file name that is not valid in the file-system encoding
    as lone surrogates, which no UTF-8 stream (nor JSON reader) accepts.
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = os.fsencode(name)
        except UnicodeEncodeError:  # a surrogate that did not come from a file name
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return name
