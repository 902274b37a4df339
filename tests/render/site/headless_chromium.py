"""A tiny DevTools-protocol client for Debian's headless chromium over --remote-debugging-pipe (no websocket)."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

BINARY = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
         # Name resolution fails for every host but the local server, so no request can leave the machine.
         "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


class Browser:
    """One chromium process and one page; every request the page makes is recorded in `requests`."""

    def __init__(self, timeout: float = 60) -> None:
        assert BINARY, "chromium is not installed"
        self.profile = tempfile.mkdtemp(prefix="profilebot-chromium-")
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def wire_pipes() -> None:  # chromium reads commands on fd 3 and writes replies on fd 4
            # Move both ends above 4 first: a pipe end may itself be fd 3 or 4.
            high_in, high_out = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_child, from_child))
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen([BINARY, *FLAGS, "--remote-debugging-pipe",
                                         f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        close_fds=False, preexec_fn=wire_pipes)
        os.close(to_child)
        os.close(from_child)
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self.requests: list[str] = []
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable")
        self.call("Network.enable")

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._call(method, params, self.session)

    def _call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        reply = self._wait(lambda m: m.get("id") == self._next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _wait(self, wanted: Any) -> dict[str, Any]:
        import select

        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if message.get("method") == "Network.requestWillBeSent":
                    self.requests.append(message["params"]["request"]["url"])
                if wanted(message):
                    return message
            ready, _, _ = select.select([self._read], [], [], self.timeout)
            if not ready:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium exited")
            self._buffer += chunk

    def open(self, url: str, width: int = 1280, height: int = 900) -> str:
        """Load `url` at a viewport `width` wide; return the rendered DOM as HTML."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        self.call("Page.navigate", {"url": url})
        self._wait(lambda m: m.get("method") == "Page.loadEventFired")
        return self.call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML",
                                              "returnByValue": True})["result"]["value"]

    def screenshot(self, path: str) -> tuple[int, int]:
        """The whole page, not just the viewport, as PNG; returns its CSS size."""
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        width, height = int(size["width"]), int(size["height"])
        shot = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                    "clip": {"x": 0, "y": 0, "width": width, "height": height,
                                                             "scale": 1}})
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        return width, height

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (RuntimeError, OSError, TimeoutError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self.profile, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: str) -> Iterator[tuple[str, Browser]]:
    """`folder` served on 127.0.0.1 and one browser: (the site's base URL, the browser)."""
    handler = functools.partial(_QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = Browser()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", browser
    finally:
        browser.close()
        server.shutdown()
        server.server_close()
