"""The mentor's HTML report of 20 answers in headless Chromium: load time and printed pages.

Prints one JSON document. Targets (issue #15): the report renders in Chromium in
under 1 s and prints to PDF in at most one page per answer. The history is the
frozen 20-answer one the report tests use (tests/data/report_history.json).
Load time is from navigation to the load event, in a browser already started,
median of several fresh loads (the first is reported apart: caches are cold).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

LOADS = 7


def cold_screenshot(executable: str, page: Path, folder: Path) -> float:
    """A whole `chromium --headless --screenshot` run: start, lay out, paint, exit."""
    import subprocess

    started = time.perf_counter()
    subprocess.run(
        [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=1280,900",
            f"--screenshot={folder / 'shot.png'}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return time.perf_counter() - started


def main() -> None:
    from browser_support import Browser, chromium_path, pdf_pages
    from report_support import history_report

    from interview_coach.domain.reports import render

    executable = chromium_path()
    if executable is None:
        sys.exit("Chromium is not installed (Debian: apt-get install chromium).")
    started = time.perf_counter()
    report = history_report()
    html = render("html", report)
    markdown = render("md", report)
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder, Browser(executable) as browser:
        path = Path(folder) / "report.html"
        path.write_text(html, encoding="utf-8")
        loads = {width: [browser.open(path, width) for _ in range(LOADS)] for width in (1280, 390)}
        browser.open(path, 1280)
        started = time.perf_counter()
        pdf = browser.pdf()
        print_s = time.perf_counter() - started
        cold_s = cold_screenshot(executable, path, Path(folder))
    answers = len(report.answers)
    pages = pdf_pages(pdf)
    result = {
        "answers": answers,
        "html_bytes": len(html.encode()),
        "markdown_bytes": len(markdown.encode()),
        "build_and_render_s": round(build_s, 3),
        "chromium_load_s_first": round(loads[1280][0], 3),
        "chromium_load_s_median_1280": round(statistics.median(loads[1280][1:]), 3),
        "chromium_load_s_median_390": round(statistics.median(loads[390][1:]), 3),
        "cold_chromium_process_screenshot_s": round(cold_s, 3),
        "print_to_pdf_s": round(print_s, 3),
        "pdf_pages": pages,
        "target_load_under_1s": max(loads[1280][0], *loads[1280], *loads[390]) < 1.0,
        "target_pages_at_most_one_per_answer": pages <= answers,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
