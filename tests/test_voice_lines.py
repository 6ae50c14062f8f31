"""The voice panel's meter and hint, as the user reads them while speaking."""

from __future__ import annotations

from interview_coach.tui.widgets.voice_lines import METER_WIDTH, idle_text, level_meter


def test_the_meter_shows_the_elapsed_time_and_asks_to_wrap_up_only_past_the_limit():
    within = level_meter(0.1, 65.4, speech=True, limit_s=90).plain
    past = level_meter(0.1, 95.0, speech=True, limit_s=90).plain
    assert "1:05" in within and "wrap up" not in within
    assert "1:35" in past and "past 90 s: wrap up" in past


def test_a_louder_voice_fills_more_of_the_bar_and_never_overflows_it():
    quiet, loud, clipping = (
        level_meter(level, 3.0, speech=True, limit_s=90).plain.count("▮")
        for level in (0.02, 0.15, 5.0)
    )
    assert quiet < loud <= clipping == METER_WIDTH
    assert level_meter(0.0, 3.0, speech=False, limit_s=90).plain.startswith("○")


def test_the_idle_hint_quotes_the_users_silence_setting():
    assert "pause 4 s" in idle_text(4.0) and "pause 2.5 s" in idle_text(2.5)
