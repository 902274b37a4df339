"""The only local file I/O: read profile text safely, write artifacts atomically.

Reads take regular files only (a FIFO would hang, /dev/zero never ends) and never more than the limit,
whatever the file claims its size is. A symlinked profile is read only when it points inside its own
folder or the working folder: in CI a pull request could otherwise make the check quote /etc/passwd.

Writes replace a file in one rename, keep what the person chose for it — its permissions (a new file gets
what the umask allows, not the 0600 of a temporary file), its byte-order mark, a symlink (written through,
not replaced) — and leave no copy behind when killed: the temporary file is made in the system's
temporary folder when that is on the same file system (so a killed write never leaves a hidden copy of the
profile in the repository for `git add -A` to find), and beside the file otherwise, where the next write of
that file removes what a killed one left. A file that is not there yet (a first build makes thousands) needs
no rename: it is written unnamed in its own folder and named once, whole.
"""

from __future__ import annotations

import codecs
import errno
import glob
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from profilebot.errors import ProfilebotError, UsageError
from profilebot.load.yaml_document import MAX_BYTES

TEMPORARY_SUFFIX = ".profilebot-tmp"
_KINDS = {stat.S_IFIFO: "named pipe (FIFO)", stat.S_IFCHR: "character device", stat.S_IFBLK: "block device",
          stat.S_IFSOCK: "socket"}


PROFILE = ("a profile file", "Pass the path of your profile.yaml, or run in its folder; `profilebot init` starts a "
           "new one.")


PROFILE_SIZE_HINT = "A profile is text of a few hundred kilobytes; check that this is the right file."


def read_bytes(path: Path, what: tuple[str, str] = PROFILE, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes, counted while reading.

    `what`: (what the file should be, the hint when it is missing), so an error names the right file:
    `import bibtex missing.bib` is about that file, not about profile.yaml."""
    _refuse_outside_link(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file.", what[1]) from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied.") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror}).") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(f"{path}: is a folder, not {what[0]}.")
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "special file")
            raise UsageError(f"{path}: is a {kind}, not a regular file; profilebot reads files only.",
                             "Pass the path of a file saved on disk.")
        size_hint = (PROFILE_SIZE_HINT if what is PROFILE else
                     f"profilebot reads at most {limit:,} bytes of {what[0]}; check that this is the right file, "
                     "or split it and import each part.")
        if info.st_size > limit:  # refused without reading; the read below still stops at the limit
            raise UsageError(f"{path}: the file is {info.st_size:,} bytes; the limit is {limit:,}.", size_hint)
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(descriptor, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise UsageError(f"{path}: the file is larger than the limit of {limit:,} bytes.", size_hint)
        return b"".join(chunks)
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror}).") from None
    finally:
        os.close(descriptor)


def _refuse_outside_link(path: Path) -> None:
    if not os.path.islink(path):
        return
    target = Path(os.path.realpath(path))
    homes = {Path(os.path.realpath(path.parent)), Path(os.path.realpath(Path.cwd()))}
    if not any(target == home or home in target.parents for home in homes):
        raise UsageError(f"{path}: is a link to a file outside its folder and the working folder; profilebot "
                         "does not read through it.", "Copy the file here, or link to a file inside the repository.")


def read_text(path: Path) -> str:
    from profilebot.load.yaml_document import decode

    text, findings = decode(read_bytes(path), str(path))
    if text is None:
        first = findings[0]
        raise UsageError(f"{first.location}: {first.severity.value} {first.code} {first.message} [{first.rule}]",
                         first.hint)
    return text


def rewrite_text(path: Path, text: str, read: str) -> bool:
    """Write edited profile text back, with the byte-order mark the file had (read_text drops it).

    `read` is the text the edit was made from (read_text's answer): when the file no longer holds it — an
    editor saved it while `check --fix` or `import` worked — nothing is written, so that save is never lost.
    The comparison is made after the new bytes are staged, just before the rename.
    """
    try:
        with open(path, "rb") as stream:
            bom = codecs.BOM_UTF8 if stream.read(3) == codecs.BOM_UTF8 else b""
    except OSError:
        bom = b""

    def unchanged(current: bytes) -> bool:
        return current.removeprefix(codecs.BOM_UTF8).decode("utf-8", "replace") == read

    return write_bytes(path, bom + text.encode("utf-8"), unchanged)


def write_bytes(path: Path, data: bytes, unchanged: Callable[[bytes], bool] | None = None) -> bool:
    """Write atomically (temporary file + rename); skip the write when the bytes are already there.

    A symlink is written through (its target changes, the link stays); the file keeps its permissions.
    `unchanged(current bytes)`, when given, is asked right before the rename: False stops the write with an
    error (the file changed since it was read).
    """
    try:
        found = _found(path)
        if found is not None and _holds(path, found, data):  # a rebuild: one stat and one read, nothing written
            return False
        if found is None and _create_unnamed(path, data, _guard(path, path, unchanged)):
            return True  # a new file (a first build makes thousands): no staged name, no rename
        target = Path(os.path.realpath(path)) if os.path.islink(path) else path
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(target.stat().st_mode) if target.is_file() else 0o666 & ~_umask()
        staging = _staging_folder(target.parent)
        if staging == target.parent:  # only then can a killed write have left something beside the file
            _remove_leftovers(target)
        check = _guard(path, target, unchanged)
        try:
            _replace(target, data, mode, staging, check)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            _replace(target, data, mode, target.parent, check)  # another mount after all: stage beside the file
    except OSError as error:
        raise ProfilebotError(f"{path}: cannot write it ({error.strerror}).") from None
    return True


def _found(path: Path) -> os.stat_result | None:
    """What is at `path`: None when nothing is (not even a link); else the status of the file, through a
    symlink (a link to nothing or a loop is an lstat result that is not a regular file: written through)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode):
        try:
            return os.stat(path)
        except OSError:
            return status
    return status


def _holds(path: Path, status: os.stat_result, data: bytes) -> bool:
    """Does the regular file at `path` (through a symlink), of this `status`, already hold exactly `data`?"""
    if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
        return False
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:  # os.read, not open(): no buffer, no isatty or seek for each of thousands of files
        held = bytearray()
        while len(held) <= len(data) and (chunk := os.read(descriptor, len(data) + 1 - len(held))):
            held += chunk
        return held == data
    finally:
        os.close(descriptor)


def _create_unnamed(path: Path, data: bytes, check: Callable[[], None]) -> bool:
    """Make a file that is not there yet: written unnamed in its own folder (O_TMPFILE), then named in one
    linkat(2), so it appears whole or not at all and a kill leaves nothing anywhere; it gets what the umask
    allows, as any new file. False, with nothing made, when the system or file system has no unnamed files
    or the name was taken meanwhile: the caller then stages the file and renames it."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return False
    folder = os.path.dirname(path) or "."
    opening = flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            descriptor = os.open(folder, opening, 0o666)
        except FileNotFoundError:  # the folder is made only when missing: no mkdir for each file
            os.makedirs(folder, exist_ok=True)
            descriptor = os.open(folder, opening, 0o666)
    except OSError:
        return False
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
        check()
        return _link(descriptor, path)
    finally:
        os.close(descriptor)


def _guard(path: Path, target: Path, unchanged: Callable[[bytes], bool] | None) -> Callable[[], None]:
    def check() -> None:
        if unchanged is None:
            return
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            current = b""
        if not unchanged(current):
            raise ProfilebotError(f"{path}: the file changed while profilebot was working on it (saved in an "
                                  "editor?); nothing was written, so that change is kept.",
                                  "Run the command again: it starts from the file as it is now.")
    return check


def _replace(target: Path, data: bytes, mode: int, folder: Path, check: Callable[[], None]) -> None:
    """Write `data` to a temporary file in `folder`, then rename it over `target`.

    Where the system allows (Linux's O_TMPFILE), the file has no name while it is written: a kill then
    leaves nothing anywhere, and a name exists only for the two system calls that link and rename it.
    """
    if _replace_unnamed(target, data, mode, folder, check):
        return
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
        check()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _replace_unnamed(target: Path, data: bytes, mode: int, folder: Path, check: Callable[[], None]) -> bool:
    """False when this system or file system has no unnamed files (nothing was written then)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return False
    try:
        descriptor = os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), mode)
    except OSError:
        return False
    named = folder / f".{target.name}.{os.urandom(6).hex()}{TEMPORARY_SUFFIX}"
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            if not _link(stream.fileno(), named):
                return False
        check()
        os.replace(named, target)
    except BaseException:
        named.unlink(missing_ok=True)
        raise
    return True


def _link(descriptor: int, name: Path) -> bool:
    """Give an unnamed file a name: linkat(2) of its /proc link, following it (AT_SYMLINK_FOLLOW). False
    when the name is taken or /proc is missing (nothing was made).

    os.link follows a link only through linkat(2), which it calls only when given a folder descriptor: the
    file's own is given, and linkat(2) ignores it, the /proc path being absolute."""
    try:
        os.link(f"/proc/self/fd/{descriptor}", name, src_dir_fd=descriptor, follow_symlinks=True)
    except OSError:
        return False
    return True


def _staging_folder(folder: Path) -> Path:
    """The system's temporary folder when a rename from it to `folder` stays on one file system."""
    system = Path(tempfile.gettempdir())
    try:
        return system if os.stat(system).st_dev == os.stat(folder).st_dev else folder
    except OSError:
        return folder


def _remove_leftovers(target: Path) -> None:
    """What a write of this file that was killed left beside it (only when staged there)."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{TEMPORARY_SUFFIX}"):
        leftover.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def read_inside(root: Path, relative: str, what: tuple[str, str] = PROFILE) -> bytes:
    """The bytes of `root / relative` when the file really is inside `root`: every component of the path is
    resolved, so neither `../` nor a linked folder (`img -> /etc` for `photo: img/passwd`) leads out of it."""
    base = Path(os.path.realpath(root))
    path = root / relative
    real = Path(os.path.realpath(path))
    if base not in real.parents:
        raise UsageError(f"{path}: leads outside {root} (through '..' or a symbolic link); profilebot reads only "
                         "files inside the profile's folder.", "Copy the file into the profile's folder and name "
                         "that copy.")
    return read_bytes(real, what)


def inside(root: Path, relative: str) -> Path:
    """`root / relative`, refusing a path that a symlink inside `root` leads out of it (build never writes
    outside -o, whatever links were planted there)."""
    return inside_all(root, [relative])[0]


def inside_all(root: Path, relatives: Iterable[str]) -> list[Path]:
    """`inside` for many paths at once: each folder is resolved once, not once per file in it (a build writes
    thousands of pages into one folder), and only a path that is itself a link is resolved alone."""
    base = os.path.realpath(root)
    folders: dict[str, str] = {}
    paths = []
    for relative in relatives:
        path = root / relative
        folder, name = os.path.split(os.fspath(path))
        if folder not in folders:
            folders[folder] = os.path.realpath(folder)
        real = os.path.realpath(path) if os.path.islink(path) or name in ("", ".", "..") else \
            os.path.join(folders[folder], name)
        if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
            raise UsageError(f"{path}: leads outside {root} through a symbolic link; profilebot writes only inside it.",
                             f"Remove the link from {root}, or build into an empty folder.")
        paths.append(path)
    return paths


def prune(folder: Path, keep: set[str], owns: Callable[[str], bool]) -> list[str]:
    """Delete files under `folder` that `owns` claims but `keep` no longer lists (a removed paper's page)."""
    removed: list[str] = []
    if not folder.is_dir():
        return removed
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not path.is_symlink() and relative not in keep and owns(relative):
            inside(folder, relative).unlink()
            removed.append(relative)
    return removed
