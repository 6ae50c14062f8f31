"""The mentor's report: what it says (both formats) and how it lays out in Chromium."""

from __future__ import annotations

import itertools
import os
import re
from html import escape
from pathlib import Path

import pytest
from browser_support import LAYOUT_PROBE, Browser, chromium_path, pdf_pages
from report_support import history_report, saved_history

from interview_coach.domain.report_model import Quote, Reason, quotes_of
from interview_coach.domain.reports import EFFECT_WORDS, grouped_reasons, render

SCREENS = Path(__file__).parent / "data" / "report_screens"
ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


@pytest.fixture(scope="module")
def report():
    return history_report()


@pytest.fixture(scope="module")
def html(report) -> str:
    return render("html", report)


@pytest.fixture(scope="module")
def markdown(report) -> str:
    return render("md", report)


def test_a_follow_up_reply_stands_with_its_answer(report, markdown, html):
    answers, _ = saved_history()
    assert len(answers) == 21 and len(report.answers) == 20  # the reply joins its answer
    followed = [a for a in report.answers if a.reply]
    assert len(followed) == 1 and followed[0].first_overall is not None
    assert followed[0].question.startswith("Your MSPE")  # headed by the question, not the follow-up
    for text in (markdown, html):
        assert "Follow-up: " + followed[0].follow_up in text
        assert followed[0].reply[:60] in text


def test_each_evidence_sentence_is_quoted_once_with_its_reasons(report, markdown, html):
    answers, _ = saved_history()
    repeated = 0
    for stored in answers:
        listed = [
            e["text"] for d in stored["card"]["dimensions"].values() for e in d["evidence_detail"]
        ]
        repeated += len(listed) - len(set(listed))
        quotes = quotes_of(stored["card"], stored["answer_text"])
        texts = [q.text for q in quotes]
        assert len(texts) == len(set(texts))
    assert repeated > 0  # the scorer does list sentences twice: the report merges them
    for answer in report.answers:
        section = markdown.split(f"\n## {answer.number}. ", 1)[1].split("\n## ", 1)[0]
        for quote in answer.quotes:
            assert section.count(f'"{quote.text[:50]}') == 1
            for effect, dimension, whys in grouped_reasons(quote):
                assert f"{EFFECT_WORDS[effect]} {dimension.lower()} points" in section
                for why in whys:
                    assert why in section
                    assert escape(why.split(" (“")[0]) in html


def test_a_spoken_answer_shows_its_delivery_and_length_note(report, markdown):
    [spoken] = [a for a in report.answers if a.spoken]
    section = markdown.split(f"\n## {spoken.number}. ", 1)[1].split("\n## ", 1)[0]
    assert "**Delivery:** 42 s, 145 words/min" in section
    assert "Only 42 seconds: aim for 45-90 seconds" in section


def test_a_reason_said_twice_in_other_words_is_given_once():
    quote = Quote(
        "The school did not prepare us.",
        0,
        30,
        (
            Reason("Non-defensiveness", "-", "reads as blaming others or circumstances"),
            Reason("Non-defensiveness", "-", "blames others or circumstances"),
            Reason("Acknowledgment", "+", "says plainly what happened"),
        ),
    )
    assert grouped_reasons(quote) == [
        ("-", "Non-defensiveness", ["reads as blaming others or circumstances"]),
        ("+", "Acknowledgment", ["says plainly what happened"]),
    ]


def test_dates_are_human_and_topics_named(markdown, html):
    for text in (markdown, html):
        assert not ISO_STAMP.search(text)
        assert "5 Nov 2026 – 24 Nov 2026" in text
        assert "exam_failure" not in text and "leave_of_absence" not in text
        assert "Exam failure" in text and "Leave of absence" in text


def test_mock_interviews_are_labelled(report, markdown, html):
    mock = [a.number for a in report.answers if a.mock]
    assert mock == [18, 19, 20]
    assert html.count("class='badge mock'>Mock interview") == 3
    for number in mock:
        section = markdown.split(f"\n## {number}. ", 1)[1]
        assert section.split("\n\n", 2)[1].startswith("Mock interview · ")
    assert "(3 in mock interviews)" in markdown
    first_page = html.split("<section class='answer'", 1)[0]
    assert first_page.count("(mock interview)</title></circle>") == 3 * 4  # open circles


def test_first_page_has_the_trend_and_three_steps(report, markdown, html):
    assert len(report.steps) == 3
    first_page = html.split("<section class='answer'", 1)[0]
    assert first_page.count('<svg class="trend"') == 4
    assert first_page.count(">Score</text>") == 4 and first_page.count(">Answer date</text>") == 4
    assert ">5 Nov</text>" in first_page and ">24 Nov</text>" in first_page
    for step in report.steps:
        assert step.advice in first_page and step.advice in markdown
    assert markdown.index("## Next steps") < markdown.index("## 1. ")


def test_html_prints_each_answer_unsplit(html):
    assert ".answer{break-inside:avoid" in html and "@media print" in html
    assert "<script" not in html and "http" not in html  # nothing runs, nothing is fetched


# -- in Chromium --------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed (.ci/run installs the Debian package)")
    with Browser(executable) as opened:
        yield opened


@pytest.fixture(scope="module")
def report_file(tmp_path_factory, html) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize(("width", "per_row"), [(1280, 2), (390, 1)])
def test_report_fits_the_screen(browser, report_file, width, per_row):
    browser.open(report_file, width)
    facts = browser.evaluate(LAYOUT_PROBE)
    assert facts["viewport"] == width
    assert facts["scrollWidth"] <= width and facts["overflowing"] == []
    charts = facts["charts"]
    assert len(charts) == 4 and all(c["right"] <= width for c in charts)
    assert len({round(c["top"]) for c in charts}) == 4 // per_row  # charts per row
    for a, b in itertools.pairwise(charts):  # no chart drawn over another
        assert b["top"] >= a["bottom"] - 1 or b["left"] >= a["right"] - 1
    assert len(facts["answers"]) == 20


def test_report_prints_in_at_most_a_page_per_answer(browser, report_file):
    browser.open(report_file, 1280)
    pages = pdf_pages(browser.pdf())
    assert 2 <= pages <= 20


A4_TEXT_PX = (688, 1031)  # A4 less the 14 mm and 12 mm margins of @page, in CSS pixels


def test_in_print_the_first_page_and_each_answer_fit_a_page(browser, report_file):
    """With break-inside: avoid, an answer taller than a page would still split."""
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        browser.open(report_file, A4_TEXT_PX[0])
        heights = browser.evaluate(
            "[document.querySelector('.first-page'), ...document.querySelectorAll('.answer')]"
            ".map(e => e.getBoundingClientRect().height)"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", session=True, media="")
    assert len(heights) == 21
    assert max(heights) < A4_TEXT_PX[1], heights


@pytest.mark.parametrize(("name", "width"), [("desktop", 1280), ("phone", 390)])
def test_report_looks_as_reviewed(browser, report_file, tmp_path, name, width):
    """The first screen, against a reviewed picture. Regenerate after an intended
    change with UPDATE_REPORT_SCREENS=1 and look at the new PNGs."""
    browser.open(report_file, width, height=900)
    shot = browser.screenshot(full_page=False)
    reference = SCREENS / f"{name}.png"
    if os.environ.get("UPDATE_REPORT_SCREENS"):
        reference.parent.mkdir(parents=True, exist_ok=True)
        reference.write_bytes(shot)
    differing = browser.image_difference(reference.read_bytes(), shot)
    (tmp_path / f"{name}.png").write_bytes(shot)
    assert differing < 0.005, (
        f"{differing:.1%} of pixels differ from {reference}; this run's picture is "
        f"{tmp_path / (name + '.png')}"
    )


def _answer(scores: dict[str, int], advice: str, follow_up: str | None = None) -> dict:
    from interview_coach.domain.results import DIMENSIONS, level_for

    dims = {
        d: {"score": scores.get(d, 90), "level": level_for(scores.get(d, 90)), "advice": advice}
        for d in DIMENSIONS
    }
    return {"topic": "gap", "card": {"overall": 80, "dimensions": dims, "follow_up": follow_up}}


def test_next_steps_start_with_the_weakest_dimension_lately():
    from interview_coach.domain.report_steps import next_steps

    old_weakness = [_answer({"acknowledgment": 10}, "old advice") for _ in range(5)]
    lately = [_answer({"tie_back": 30}, f"advice {i}") for i in range(5)]
    steps = next_steps(old_weakness + lately, {"gap": "Gap"})
    assert steps[0].dimension == "Tie-back" and steps[0].advice == "advice 4"
    assert all(s.dimension != "Acknowledgment" for s in steps)  # fixed since: no step
    strong = next_steps([_answer({}, "keep it", "What did you learn?")], {"gap": "Gap"})
    assert [s.dimension for s in strong] == ["Follow-up"]
