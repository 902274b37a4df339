"""Which GitHub token to use: an App installation token, a personal token, or the workflow's GITHUB_TOKEN.

Order of preference, all from the environment (never from files):
1. a GitHub App: PROFILEBOT_APP_ID + PROFILEBOT_APP_PRIVATE_KEY (+ PROFILEBOT_APP_INSTALLATION_ID, else
   the installation is looked up for GITHUB_REPOSITORY), exchanged for a one-hour installation token;
2. PROFILEBOT_GITHUB_TOKEN (a fine-grained or classic personal access token), then GH_TOKEN;
3. GITHUB_TOKEN (in Actions: the workflow's own token).
An explicit App or personal token wins over GITHUB_TOKEN because Actions always sets GITHUB_TOKEN, and
pull requests opened with that token do not trigger other workflows (so bot PRs would get no checks).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Mapping

from profilebot import redact
from profilebot.clients import github, shape
from profilebot.clients.http import Failure, RetryPolicy, Tally, Tries
from profilebot.errors import ConfigError, TargetError

# GitHub rejects App JWTs that live longer than 10 minutes; issued-at is backdated for clock drift.
JWT_LIFETIME_SECONDS = 540
JWT_BACKDATE_SECONDS = 60
# Installation tokens last an hour; renew a little early so a long sync never holds an expired one.
RENEW_BEFORE_SECONDS = 300
PERSONAL_VARIABLES = ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN")


@dataclass(frozen=True)
class Credential:
    """A token and where it came from; repr and str never show the token."""

    token: str = field(repr=False)
    kind: str  # "app-installation" | "personal" | "actions"
    source: str  # the environment variable(s) it came from
    expires_at: float | None = None  # epoch seconds, for installation tokens

    @property
    def triggers_workflows(self) -> bool:
        """Whether PRs and pushes made with this token start other workflows (checks on bot PRs)."""
        return self.kind != "actions"

    def describe(self) -> str:
        note = "" if self.triggers_workflows else " (its pull requests do not trigger other workflows)"
        return f"{self.kind} token from {self.source}{note}"


def configured(environ: Mapping[str, str]) -> bool:
    """Whether the environment names any credential resolve() would use."""
    names = ("PROFILEBOT_APP_ID", "PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN")
    return any(environ.get(name, "").strip() for name in names)


def resolve(environ: Mapping[str, str] | None = None, *, repository: str | None = None,
            now: float | None = None, tally: Tally | None = None, policy: RetryPolicy | None = None) -> Credential:
    """The credential to use, exchanging App credentials for an installation token when configured (under
    `policy`, the run's, counted in `tally`)."""
    environ = os.environ if environ is None else environ
    if environ.get("PROFILEBOT_APP_ID"):
        return app_installation_token(environ, repository=repository, now=now, tally=tally, policy=policy)
    for variable in PERSONAL_VARIABLES:
        if token := environ.get(variable, "").strip():
            return Credential(_checked(token, variable), "personal", variable)
    if token := _checked(environ.get("GITHUB_TOKEN", "").strip(), "GITHUB_TOKEN"):
        # Inside Actions GITHUB_TOKEN is the workflow token (ghs_…) unless a person mapped a PAT into it.
        personal = token.startswith(("ghp_", "github_pat_"))
        return Credential(token, "personal" if personal else "actions", "GITHUB_TOKEN")
    raise ConfigError("no GitHub token in the environment.",
                      "Set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`), "
                      "PROFILEBOT_GITHUB_TOKEN (a personal access token), or PROFILEBOT_APP_ID and "
                      "PROFILEBOT_APP_PRIVATE_KEY (a GitHub App). docs/automation.md explains which to choose.")


def _checked(token: str, variable: str) -> str:
    """A token is one word of printable ASCII; anything else (a pasted line break) would be sent as a broken
    header and echoed by the HTTP library in its error, beyond what the redactor recognises."""
    if token and not all("!" <= c <= "~" for c in token):
        raise ConfigError(f"{variable} holds a space, line break or other character no GitHub token has.",
                          f"Set {variable} again from the token alone (no quotes, no trailing newline inside).")
    return token


_cache: dict[tuple[str, str, str], Credential] = {}


def app_installation_token(environ: Mapping[str, str], *, repository: str | None = None,
                           now: float | None = None, tally: Tally | None = None,
                           policy: RetryPolicy | None = None) -> Credential:
    """Exchange the App's id and private key for an installation token (cached until near expiry)."""
    now = time.time() if now is None else now
    app_id = environ["PROFILEBOT_APP_ID"].strip()
    base = github.api_url(environ)
    installation = environ.get("PROFILEBOT_APP_INSTALLATION_ID", "").strip()
    repository = repository or environ.get("GITHUB_REPOSITORY", "").strip()
    key = (base, app_id, installation or repository)
    cached = _cache.get(key)
    if cached and cached.expires_at and cached.expires_at - RENEW_BEFORE_SECONDS > now:
        return cached
    jwt = app_jwt(app_id, _private_key(environ), now)
    exchange = _Exchange(base, jwt, policy or RetryPolicy(), tally)
    try:
        if not installation:
            installation = exchange.installation(repository)
        credential = exchange.token(installation, now)
    finally:
        exchange.close()
    _cache[key] = credential
    return credential


def app_jwt(app_id: str, private_key: str, now: float) -> str:
    """The RS256-signed JWT that authenticates as the App itself (not yet as an installation)."""
    import jwt  # PyJWT; imported here so commands that never talk to GitHub start fast

    if not app_id.isdigit():
        raise ConfigError(f"PROFILEBOT_APP_ID is '{app_id}'; expected the App's numeric id.",
                          "Find it on the App's settings page, under 'App ID'.")
    claims = {"iat": int(now) - JWT_BACKDATE_SECONDS, "exp": int(now) + JWT_LIFETIME_SECONDS, "iss": app_id}
    try:
        signed = jwt.encode(claims, private_key, algorithm="RS256")
    except (ValueError, TypeError, jwt.exceptions.PyJWTError):
        # The library's message may quote the key material, so it is not passed on.
        raise ConfigError("PROFILEBOT_APP_PRIVATE_KEY is not a usable RSA private key.",
                          "Paste the whole .pem file GitHub generated for the App, from "
                          "'-----BEGIN RSA PRIVATE KEY-----' to the END line.") from None
    redact.remember(signed)  # valid for minutes, but a credential all the same
    return signed


def _private_key(environ: Mapping[str, str]) -> str:
    key = environ.get("PROFILEBOT_APP_PRIVATE_KEY", "").strip()
    if not key:
        raise ConfigError("PROFILEBOT_APP_ID is set but PROFILEBOT_APP_PRIVATE_KEY is empty.",
                          "Store the App's .pem file as a secret and pass it in that variable.")
    # Secrets pasted into one-line settings often carry literal "\n" instead of line breaks.
    return key.replace("\\n", "\n") if "\n" not in key else key


class _Exchange:
    """The App's two requests, under the one HTTP policy with GitHub's headers and the App's JWT."""

    def __init__(self, base: str, jwt: str, policy: RetryPolicy, tally: Tally | None) -> None:
        self.base, self.policy, self.tally = base, policy, tally
        self.session = github.session(f"Bearer {jwt}")

    def close(self) -> None:
        self.session.close()

    def installation(self, repository: str) -> str:
        if not repository or "/" not in repository:
            raise ConfigError("cannot tell which installation of the GitHub App to use.",
                              "Set PROFILEBOT_APP_INSTALLATION_ID, or GITHUB_REPOSITORY=owner/name of a repository "
                              "where the App is installed.")
        missing = TargetError(f"the GitHub App is not installed on {repository}.",
                              "Install it on that repository (App settings → Install App), or set "
                              "PROFILEBOT_APP_INSTALLATION_ID.")
        found = self._send("GET", f"/repos/{repository}/installation", "find the installation", missing,
                           shape.Object(id=shape.INTEGER))
        return str(found["id"])

    def token(self, installation: str, now: float) -> Credential:
        missing = TargetError(f"no installation {installation} of this GitHub App: it was uninstalled (which revokes "
                              "its access) or the id is wrong.",
                              "Install the App again on the repositories (App settings → Install App) and set "
                              "PROFILEBOT_APP_INSTALLATION_ID to the new installation's number (the end of its "
                              "settings URL), or unset it so profilebot finds the installation itself.")
        answer = self._send("POST", f"/app/installations/{installation}/access_tokens",
                            "create an installation token", missing, TOKEN)
        if not answer["token"]:
            raise TargetError("GitHub answered the installation-token request without a token.", github.SHAPE_HINT)
        redact.remember(answer["token"])
        return Credential(answer["token"], "app-installation", "PROFILEBOT_APP_ID + PROFILEBOT_APP_PRIVATE_KEY",
                          expires_at=_expiry(answer.get("expires_at"), now))

    def _send(self, method: str, path: str, what: str, missing: TargetError, answer: shape.Shape) -> dict:
        def explain(doing: str, failure: Failure, tries: Tries) -> Exception:
            if failure.status == 404:
                return missing
            if failure.status == 401:
                return TargetError(f"GitHub App authentication: GitHub refused to {doing} (401).",
                                   "PROFILEBOT_APP_ID and PROFILEBOT_APP_PRIVATE_KEY must belong to the same App, and "
                                   "this machine's clock must be right to within a minute.")
            if failure.status == 403 and "suspended" in failure.message.lower():
                return TargetError(f"GitHub App authentication: GitHub refused to {doing}: the App's installation "
                                   "is suspended.",
                                   "An owner of the account unsuspends it under Settings → Applications → Installed "
                                   "GitHub Apps → the App → Unsuspend.")
            error = github.explain(doing, failure, gave_up=tries.gave_up, waited=tries.waited, delay=tries.delay)
            return TargetError(f"GitHub App authentication: {error.message}", error.hint)

        return github.send(self.policy, self.session, method, self.base + path, what, explain=explain,
                           tally=self.tally, answer=answer)


# What the bot reads out of GitHub's installation token answer.
TOKEN = shape.Object(token=shape.TEXT, expires_at=shape.Optional(shape.TEXT))


def _expiry(value: object, now: float) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return now + 3600 - RENEW_BEFORE_SECONDS  # the documented lifetime, minus the safety margin
