"""Token resolution: environment precedence, and the GitHub App JWT → installation-token exchange
against a local HTTP handler that verifies the JWT with the App's public key, as GitHub does."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from profilebot import redact
from profilebot.errors import ConfigError, TargetError
from profilebot.clients import github_auth

APP_ID = "123456"
INSTALLATION = 4242


@pytest.fixture(scope="module")
def key_pair():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
    return pem, private.public_key()


class AppServer:
    """GET /repos/{o}/{r}/installation and POST /app/installations/{id}/access_tokens, JWT-checked."""

    def __init__(self, public_key, installed_on: str = "octo/profile") -> None:
        self.public_key, self.installed_on = public_key, installed_on
        self.requests: list[tuple[str, str]] = []
        self.claims: list[dict] = []
        self.issued = 0
        self.lifetime = 3600  # seconds until an issued token expires
        self.suspended = False  # an owner suspended the installation: GitHub refuses its tokens with 403
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                owner._serve(self)

            do_POST = do_GET

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v3"

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.removeprefix("/api/v3")
        self.requests.append((handler.command, path))
        auth = handler.headers.get("Authorization", "")
        try:
            claims = jwt.decode(auth.removeprefix("Bearer "), self.public_key, algorithms=["RS256"],
                                options={"require": ["iat", "exp", "iss"]})
        except jwt.PyJWTError:
            return self._reply(handler, 401, {"message": "A JSON web token could not be decoded"})
        self.claims.append(claims)
        if claims["exp"] - claims["iat"] > 600 or claims["iss"] != APP_ID:
            return self._reply(handler, 401, {"message": "'Expiration time' claim ('exp') is too far in the future"})
        if handler.command == "GET" and path == f"/repos/{self.installed_on}/installation":
            return self._reply(handler, 200, {"id": INSTALLATION, "app_id": int(APP_ID)})
        if handler.command == "POST" and path == f"/app/installations/{INSTALLATION}/access_tokens":
            if self.suspended:
                return self._reply(handler, 403, {"message": "This installation has been suspended"})
            self.issued += 1
            return self._reply(handler, 201, {"token": f"ghs_installation{self.issued:024d}",
                                              "expires_at": _iso(time.time() + self.lifetime),
                                              "permissions": {"contents": "write"}})
        self._reply(handler, 404, {"message": "Not Found"})

    @staticmethod
    def _reply(handler, status: int, body: dict) -> None:
        payload = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


@pytest.fixture
def app_server(key_pair):
    github_auth._cache.clear()
    server = AppServer(key_pair[1])
    yield server
    server.close()


def app_environment(server: AppServer, pem: str, **extra: str) -> dict[str, str]:
    return {"GITHUB_API_URL": server.url, "PROFILEBOT_APP_ID": APP_ID, "PROFILEBOT_APP_PRIVATE_KEY": pem,
            "GITHUB_TOKEN": "ghs_workflowtoken0000000000000000", **extra}


def test_workflow_token_is_the_fallback_and_is_known_not_to_trigger_workflows():
    credential = github_auth.resolve({"GITHUB_TOKEN": "ghs_abcdefabcdefabcdefabcdef"})
    assert (credential.kind, credential.source, credential.triggers_workflows) == ("actions", "GITHUB_TOKEN", False)
    assert "do not trigger other workflows" in credential.describe()


def test_personal_token_wins_over_the_workflow_token():
    credential = github_auth.resolve({"GITHUB_TOKEN": "ghs_x" * 5, "PROFILEBOT_GITHUB_TOKEN": "github_pat_11AB"})
    assert (credential.token, credential.kind, credential.triggers_workflows) == ("github_pat_11AB", "personal", True)


def test_a_personal_token_mapped_into_github_token_is_recognised_by_its_shape():
    assert github_auth.resolve({"GITHUB_TOKEN": "github_pat_11ABCDEFG"}).kind == "personal"


def test_no_token_is_a_clear_configuration_error():
    with pytest.raises(ConfigError, match="no GitHub token") as caught:
        github_auth.resolve({})
    assert "PROFILEBOT_APP_ID" in str(caught.value)


def test_the_token_never_shows_in_repr():
    credential = github_auth.resolve({"GH_TOKEN": "secret-value-123"})
    assert "secret-value-123" not in repr(credential) and "secret-value-123" not in credential.describe()


def test_app_credentials_are_exchanged_for_an_installation_token(app_server, key_pair):
    environment = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    now = time.time()
    credential = github_auth.resolve(environment, now=now)
    assert credential.token == "ghs_installation" + "1".zfill(24)
    assert (credential.kind, credential.triggers_workflows) == ("app-installation", True)
    assert app_server.requests == [("POST", f"/app/installations/{INSTALLATION}/access_tokens")]
    claims = app_server.claims[0]
    assert claims["iss"] == APP_ID and claims["iat"] <= now - 30 and claims["exp"] - now <= 600


def test_installation_is_discovered_from_the_repository(app_server, key_pair):
    environment = app_environment(app_server, key_pair[0], GITHUB_REPOSITORY="octo/profile")
    assert github_auth.resolve(environment).kind == "app-installation"
    assert app_server.requests == [("GET", "/repos/octo/profile/installation"),
                                   ("POST", f"/app/installations/{INSTALLATION}/access_tokens")]


def test_the_installation_token_is_reused_until_close_to_expiry(app_server, key_pair):
    environment = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    first = github_auth.resolve(environment)
    assert github_auth.resolve(environment) == first and app_server.issued == 1
    github_auth._cache.clear()
    app_server.lifetime = 120  # inside the renewal margin: every call must fetch a fresh token
    short_lived = github_auth.resolve(environment)
    assert github_auth.resolve(environment).token != short_lived.token and app_server.issued == 3


def test_a_private_key_with_escaped_newlines_still_signs(app_server, key_pair):
    one_line = key_pair[0].strip().replace("\n", "\\n")
    environment = app_environment(app_server, one_line, PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    assert github_auth.resolve(environment).kind == "app-installation"


def test_app_not_installed_on_the_repository_names_the_fix(app_server, key_pair):
    environment = app_environment(app_server, key_pair[0], GITHUB_REPOSITORY="octo/elsewhere")
    with pytest.raises(TargetError, match="not installed on octo/elsewhere"):
        github_auth.resolve(environment)


def test_a_removed_or_suspended_installation_names_the_fix(app_server, key_pair):
    removed = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID="999")
    with pytest.raises(TargetError, match="uninstalled") as caught:
        github_auth.resolve(removed)
    assert "Install App" in str(caught.value)
    app_server.suspended = True
    suspended = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    with pytest.raises(TargetError, match="suspended") as caught:
        github_auth.resolve(suspended)
    assert "Unsuspend" in str(caught.value)


def test_a_key_of_another_app_is_refused_with_a_hint(app_server):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    environment = app_environment(app_server, other, PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    with pytest.raises(TargetError, match="refused to create an installation token \\(401\\)") as caught:
        github_auth.resolve(environment)
    assert other.splitlines()[1] not in str(caught.value)


def test_a_garbled_private_key_is_a_config_error_that_does_not_print_the_key(app_server):
    garbled = "-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END RSA PRIVATE KEY-----"
    with pytest.raises(ConfigError, match="not a usable RSA private key") as caught:
        github_auth.resolve(app_environment(app_server, garbled, PROFILEBOT_APP_INSTALLATION_ID="1"))
    assert "TOPSECRETMATERIAL" not in str(caught.value)
    assert app_server.requests == []


def test_the_installation_token_is_redacted_from_printed_text(app_server, key_pair):
    environment = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    token = github_auth.resolve(environment).token
    assert token not in redact.redact(f"push failed with {token}")


def test_an_unreachable_api_is_a_target_error_not_a_traceback(key_pair):
    github_auth._cache.clear()
    environment = {"GITHUB_API_URL": "http://127.0.0.1:9", "PROFILEBOT_APP_ID": APP_ID,
                   "PROFILEBOT_APP_PRIVATE_KEY": key_pair[0], "PROFILEBOT_APP_INSTALLATION_ID": "7"}
    with pytest.raises(TargetError, match="Could not connect to GitHub.*connection was refused"):
        github_auth.resolve(environment)


def test_the_installation_token_opens_the_local_github(app_server, key_pair):
    """End to end: the token the exchange returns is the one the GitHub fake accepts for writes."""
    from github import Auth, Github

    from tests.fakes.github_server import GitHubFake

    environment = app_environment(app_server, key_pair[0], PROFILEBOT_APP_INSTALLATION_ID=str(INSTALLATION))
    credential = github_auth.resolve(environment)
    with GitHubFake() as fake:
        fake.create_repo("octo/profile", {"profile.yaml": "person: {name: X}\n"})
        fake.add_token(credential.token, "profilebot-app[bot]")
        client = Github(auth=Auth.Token(credential.token), base_url=fake.api_url, retry=None)
        assert client.get_repo("octo/profile").default_branch == "main"
