"""The error types a person can fix (exit 1 or 2); anything else escaping a command is a bug (exit 3)."""


class ProfilebotError(Exception):
    """A problem the user can fix: a missing file, a bad config, a rejected token.

    The message is written for a person and is printed as-is, without a traceback.
    """

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None, *, service: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.service = service  # the service that answered with this error ("GitHub", "ORCID"), when one did

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class UsageError(ProfilebotError):
    """The command line or an input file cannot be used at all (exit 2)."""

    exit_code = 2


class ConfigError(ProfilebotError):
    """`profilebot.yaml` is wrong: an unknown key, target or exporter name."""


class TargetError(ProfilebotError):
    """A target (GitHub, ORCID) refused or failed; the message names what to fix."""
