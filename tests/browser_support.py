"""Drive the system's headless Chromium over its DevTools pipe: no extra dependency.

Command-line flags alone cannot set a phone-sized viewport for ``--dump-dom``
(Chromium lays the page out at least 500 px wide there), nor read layout facts,
nor time a load. The DevTools protocol over ``--remote-debugging-pipe`` (JSON
messages ending in NUL on file descriptors 3 and 4) does all three, with the
same Chromium that CI installs from Debian.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

SKIP_REASON = "Chromium is not installed (.ci/run installs the Debian package)"
# What a test or benchmark reads back from a laid-out report.
LAYOUT_PROBE = """(() => {
  const box = e => { const b = e.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top + scrollY, bottom: b.bottom + scrollY}; };
  return {
    viewport: innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('svg.trend')].map(box),
    answers: [...document.querySelectorAll('section.answer')].map(box),
    overflowing: [...document.querySelectorAll('body *')]
      .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
      .map(e => e.tagName + '.' + e.className).slice(0, 5),
    bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
  };
})()"""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="coach-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={self.profile.name}",
            "--remote-debugging-pipe",
        ]
        # The protocol wants the pipe on descriptors 3 and 4. Copies at 10 and up are
        # moved there in the child, so neither end can overwrite the other on the way.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD_CLOEXEC, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD_CLOEXEC, 10)
        self.process = subprocess.Popen(
            [executable, *flags],
            close_fds=False,  # keep 3 and 4; everything else Python opened is close-on-exec
            preexec_fn=lambda: (os.dup2(high_r, 3), os.dup2(high_w, 4)),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(high_r)
        os.close(high_w)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable", session=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):  # already gone: nothing to close politely
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self.profile.cleanup()

    # -- protocol ----------------------------------------------------------------
    def _read_message(self, timeout: float) -> dict[str, Any]:
        import select

        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise ConnectionError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, timeout: float = 60, **params) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message(timeout)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str, timeout: float = 60) -> None:
        while not any(e.get("method") == event for e in self.events):
            self.events.append(self._read_message(timeout))
        self.events = [e for e in self.events if e.get("method") != event]

    # -- what tests need ---------------------------------------------------------
    def open(self, path: Path, width: int, height: int = 900) -> float:
        """Lay ``path`` out at ``width`` CSS pixels; returns seconds to the load event."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        started = time.perf_counter()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        return time.perf_counter() - started

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def screenshot(self, full_page: bool = True) -> bytes:
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        return base64.b64decode(self.call("Page.captureScreenshot", session=True, **params)["data"])

    def image_difference(self, first: bytes, second: bytes, threshold: int = 24) -> float:
        """Share of pixels (0-1) where two PNGs differ by more than ``threshold`` in a
        channel; 1.0 when their sizes differ. Chromium decodes them, so tests need no
        imaging library; the threshold absorbs anti-aliasing noise."""
        self.call("Page.navigate", session=True, url="about:blank")
        self.wait_for("Page.loadEventFired")
        urls = [f"data:image/png;base64,{base64.b64encode(d).decode()}" for d in (first, second)]
        script = """(async (a, b) => {
          const load = src => new Promise((ok, bad) => {
            const i = new Image(); i.onload = () => ok(i); i.onerror = bad; i.src = src; });
          const [x, y] = await Promise.all([load(a), load(b)]);
          if (x.width !== y.width || x.height !== y.height) return 1;
          const pixels = img => { const c = document.createElement('canvas');
            c.width = img.width; c.height = img.height; const g = c.getContext('2d');
            g.drawImage(img, 0, 0); return g.getImageData(0, 0, c.width, c.height).data; };
          const p = pixels(x), q = pixels(y); let differ = 0;
          for (let i = 0; i < p.length; i += 4) {
            if (Math.abs(p[i] - q[i]) > LIMIT || Math.abs(p[i + 1] - q[i + 1]) > LIMIT ||
                Math.abs(p[i + 2] - q[i + 2]) > LIMIT) differ++; }
          return differ / (p.length / 4);
        })""".replace("LIMIT", str(threshold))
        result = self.call(
            "Runtime.evaluate",
            session=True,
            expression=f"{script}({json.dumps(urls[0])}, {json.dumps(urls[1])})",
            awaitPromise=True,
            returnByValue=True,
        )
        return float(result["result"]["value"])

    def pdf(self) -> bytes:
        data = self.call(
            "Page.printToPDF", session=True, preferCSSPageSize=True, displayHeaderFooter=False
        )["data"]
        return base64.b64decode(data)


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote (each page object says /Type /Page)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
