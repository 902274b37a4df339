"""THE importer interface: what `profilebot import NAME VALUE` hands an importer and what it gives back.

An importer is a module listed in `plugins.IMPORTERS` (its name is the `import` subcommand's source) with

    NAME: str                                   # the registry key
    VALUE: str                                  # what VALUE is, for `profilebot import --help` and `init`
    EXAMPLE: str                                # a VALUE, for the import commands `init` suggests
    def imported(request: Request) -> Imported  # the source's entries (and what it says about the person)

and optionally `steps(value, disk) -> int`, the progress steps it reports (default 2: reading, matching).
`imported` reaches local files only through `request.files` (bounded, decoded, regular files only: the command's
edge) and the network only through clients/ (and the targets built on them) with `request.policy` and
`request.tally`; what it makes of the text is the pure parsers' job (importers/bibtex.py, hugo.py, …). The command
does the rest, the same for every source: the size limit, matching with the profile (importers/propose.py), the
edit, `check`, the diff.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Protocol

from profilebot.importers.candidate import Candidate

if TYPE_CHECKING:  # the run's types only: `import bibtex` loads no HTTP client
    from profilebot.config import Settings
    from profilebot.load.edit import FieldEdit
    from profilebot.model.profile import Profile
    from profilebot.progress import Progress
    from profilebot.clients.http import RetryPolicy, Tally

DEFAULT_STEPS = 2  # reading, then matching


class Files(Protocol):
    """The local files an importer may read (commands/import_.py gives the disk; a test may give a dict)."""

    def is_file(self, path: Path) -> bool: ...

    def is_dir(self, path: Path) -> bool: ...

    def text(self, path: Path) -> str:
        """The file's text, decoded (BOM, UTF-16), within the size limit; a clear error naming the file else."""
        ...

    def under(self, folder: Path) -> list[Path]:
        """Every regular file below `folder` (symlinks left out), sorted."""
        ...


@dataclass(frozen=True)
class Request:
    """One import: the argument as given, the profile it adds to, and the edges it may read through."""

    name: str
    value: str
    profile: Profile
    files: Files
    progress: Progress
    settings: Settings
    environ: Mapping[str, str]
    policy: RetryPolicy
    tally: Tally
    max_entries: int  # one import's limit (commands/import_.MAX_ENTRIES)

    def say(self, what: str) -> None:
        """A progress step of this import (`reading …`, `matching …`)."""
        self.progress.start(self.name, what)

    def at_most(self, count: int, where: str | None = None) -> None:
        """Refuse a source (or its file `where`) with more entries than one person's works, before the work that
        grows with each."""
        from profilebot.errors import ProfilebotError

        if count > self.max_entries:
            raise ProfilebotError(f"{where or self.value}: {count:,} entries; one import takes at most {self.max_entries:,} "
                                  "(a profile lists one person's works).",
                                  "Export only your own works from the source, or split the file and import each "
                                  "part.")

    def matching(self, found: int, one: str = "entry", many: str = "entries") -> None:
        self.say(f"matching {found} {one if found == 1 else many} with the profile")


@dataclass(frozen=True)
class Imported:
    """What a source knows: entries for the profile, field edits of its existing entries (OpenAlex's DOIs and
    promotions), and what it says about the person (JSON Resume's basics, a site's owner), which the command adds
    only where the profile's person has nothing."""

    candidates: list[Candidate]
    updates: list[FieldEdit] = field(default_factory=list)
    person: dict[str, Any] = field(default_factory=dict)


def one_file(request: Request, parse: Callable[[str, str, str], list[Candidate]]) -> tuple[str, Imported]:
    """The common case, a source that is one file: (its text, the entries `parse(text, source, owner)` finds)."""
    path = Path(request.value)
    request.say(f"reading {path}")
    text = request.files.text(path)
    found = parse(text, str(path), request.profile.person.name)
    request.matching(len(found))
    return text, Imported(found)
