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
from profilebot.errors import ConfigError, TargetError
from profilebot.clients.http import Tally

DEFAULT_API_URL = "https://api.github.com"
TIMEOUT_SECONDS = 15
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


def api_url(environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return (environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")


def configured(environ: Mapping[str, str]) -> bool:
    """Whether the environment names any credential resolve() would use."""
    names = ("PROFILEBOT_APP_ID", "PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "GITHUB_TOKEN")
    return any(environ.get(name, "").strip() for name in names)


def resolve(environ: Mapping[str, str] | None = None, *, repository: str | None = None,
            now: float | None = None, tally: Tally | None = None) -> Credential:
    """The credential to use, exchanging App credentials for an installation token when configured."""
    environ = os.environ if environ is None else environ
    if environ.get("PROFILEBOT_APP_ID"):
        return app_installation_token(environ, repository=repository, now=now, tally=tally)
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
                           now: float | None = None, tally: Tally | None = None) -> Credential:
    """Exchange the App's id and private key for an installation token (cached until near expiry)."""
    now = time.time() if now is None else now
    app_id = environ["PROFILEBOT_APP_ID"].strip()
    base = api_url(environ)
    installation = environ.get("PROFILEBOT_APP_INSTALLATION_ID", "").strip()
    repository = repository or environ.get("GITHUB_REPOSITORY", "").strip()
    key = (base, app_id, installation or repository)
    cached = _cache.get(key)
    if cached and cached.expires_at and cached.expires_at - RENEW_BEFORE_SECONDS > now:
        return cached
    jwt = app_jwt(app_id, _private_key(environ), now)
    if not installation:
        installation = _find_installation(base, jwt, repository, tally)
    credential = _exchange(base, jwt, installation, now, tally)
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


def _headers(jwt: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {jwt}", "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "profilebot"}


def _request(method: str, url: str, jwt: str, what: str, tally: Tally | None = None):
    import requests

    if tally is not None:
        tally.requests += 1
    try:
        return requests.request(method, url, headers=_headers(jwt), timeout=TIMEOUT_SECONDS)
    except requests.RequestException as error:
        raise TargetError(f"GitHub App authentication: {what} failed: {type(error).__name__}.",
                          f"Is GITHUB_API_URL ({url.split('/app/')[0].split('/repos/')[0]}) reachable?") from None


def _find_installation(base: str, jwt: str, repository: str, tally: Tally | None = None) -> str:
    if not repository or "/" not in repository:
        raise ConfigError("cannot tell which installation of the GitHub App to use.",
                          "Set PROFILEBOT_APP_INSTALLATION_ID, or GITHUB_REPOSITORY=owner/name of a repository "
                          "where the App is installed.")
    response = _request("GET", f"{base}/repos/{repository}/installation", jwt, "finding the installation", tally)
    if response.status_code == 404:
        raise TargetError(f"the GitHub App is not installed on {repository}.",
                          "Install it on that repository (App settings → Install App), or set "
                          "PROFILEBOT_APP_INSTALLATION_ID.")
    _raise_for_status(response, "finding the installation")
    return str(response.json()["id"])


def _exchange(base: str, jwt: str, installation: str, now: float, tally: Tally | None = None) -> Credential:
    response = _request("POST", f"{base}/app/installations/{installation}/access_tokens", jwt,
                        "creating an installation token", tally)
    if response.status_code == 404:
        raise TargetError(f"no installation {installation} of this GitHub App: it was uninstalled (which revokes "
                          "its access) or the id is wrong.",
                          "Install the App again on the repositories (App settings → Install App) and set "
                          "PROFILEBOT_APP_INSTALLATION_ID to the new installation's number (the end of its settings "
                          "URL), or unset it so profilebot finds the installation itself.")
    _raise_for_status(response, "creating an installation token")
    token = response.json().get("token")
    if not isinstance(token, str) or not token:
        raise TargetError("GitHub answered the installation-token request without a token.")
    redact.remember(token)
    return Credential(token, "app-installation", "PROFILEBOT_APP_ID + PROFILEBOT_APP_PRIVATE_KEY",
                      expires_at=_expiry(response.json().get("expires_at"), now))


def _raise_for_status(response, what: str) -> None:
    if response.status_code < 300:
        return
    if response.status_code == 401:
        raise TargetError(f"GitHub App authentication: {what} was refused (401).",
                          "PROFILEBOT_APP_ID and PROFILEBOT_APP_PRIVATE_KEY must belong to the same App, and "
                          "this machine's clock must be right to within a minute.")
    if response.status_code == 403 and "suspended" in response.text.lower():
        raise TargetError(f"GitHub App authentication: {what} was refused: the App's installation is suspended.",
                          "An owner of the account unsuspends it under Settings → Applications → Installed GitHub "
                          "Apps → the App → Unsuspend.")
    raise TargetError(f"GitHub App authentication: {what} failed with HTTP {response.status_code}.")


def _expiry(value: object, now: float) -> float:
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return now + 3600 - RENEW_BEFORE_SECONDS  # the documented lifetime, minus the safety margin
