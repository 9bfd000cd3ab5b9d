"""Read files into text without losing anything, and write them back atomically."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from newslint.errors import InputError

BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded text and how to encode it back byte for byte."""

    text: str
    encoding: str  # "utf-8" (a BOM, if any, stays in the text) or "utf-16"

    def encode(self, text: str) -> bytes:
        return text.encode(self.encoding)


def decode(data: bytes) -> Source:
    """Decode bytes strictly: UTF-16 with a BOM, else UTF-8 (a UTF-8 BOM is kept as text)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Source(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"Not valid UTF-16: {exc.reason} at byte offset {exc.start}") from None
    if b"\x00" in data[:BINARY_SNIFF]:
        raise InputError("Binary file (it contains NUL bytes): skipped")
    try:
        return Source(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise InputError(
            f"Not UTF-8: invalid byte 0x{byte:02X} at byte offset {exc.start}",
            hint="convert the file to UTF-8",
        ) from None


def read_source(path: Path, max_size: int) -> Source:
    """Read and decode a file, turning every failure into an :class:`InputError`."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(f"File too large: {size} bytes (max-file-size is {max_size})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("No such file") from None
    except IsADirectoryError:
        raise InputError("Is a directory") from None
    except PermissionError:
        raise InputError("Permission denied") from None
    except OSError as exc:
        raise InputError(f"Cannot read: {exc.strerror or exc}") from None
    return decode(data)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder.

    The original is untouched until the final rename, so an interrupted run never leaves
    a half-written article; the file's permission bits are kept.
    """
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise InputError("Cannot fix a read-only file; nothing was changed", code="NL903")
    import tempfile  # only fixes write files: keep it out of start-up

    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".newslint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
