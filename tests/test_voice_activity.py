"""Voice activity: block by block it hears what a pass over the whole file hears,
and a recording of a real voice stops on the silence after it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("faster_whisper", reason="voice extras not installed")
import numpy as np

JFK = Path(__file__).parent / "data" / "jfk.flac"


@pytest.fixture(scope="module")
def jfk():
    from interview_coach.speech.audio_files import read_audio

    return read_audio(JFK)


def test_block_by_block_equals_one_pass_over_the_whole_file(jfk):
    """The state is carried from block to block, as in faster-whisper's own whole-file VAD."""
    from faster_whisper.vad import get_vad_model

    from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

    usable = jfk[: jfk.size // BLOCK * BLOCK]
    whole_file = get_vad_model()(usable).reshape(-1)
    vad = VoiceActivity()
    live = [vad.probability(usable[i : i + BLOCK]) for i in range(0, usable.size, BLOCK)]
    assert np.allclose(live, whole_file, atol=1e-5)
    # The file is speech with short pauses: most blocks are speech, the pauses are not.
    speech = np.asarray(live) >= 0.5
    assert 0.6 < speech.mean() < 0.95


def test_blocks_of_another_size_are_judged_the_same(jfk):
    from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

    by_512, by_1024 = VoiceActivity(), VoiceActivity()
    usable = jfk[: jfk.size // (2 * BLOCK) * 2 * BLOCK]
    small = [by_512.probability(usable[i : i + BLOCK]) for i in range(0, usable.size, BLOCK)]
    large = [
        by_1024.probability(usable[i : i + 2 * BLOCK]) for i in range(0, usable.size, 2 * BLOCK)
    ]
    assert np.allclose(large, np.maximum(small[0::2], small[1::2]), atol=1e-5)


def test_a_short_last_block_is_padded_with_silence_not_repeated(jfk):
    from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

    lead, short = jfk[: 40 * BLOCK], jfk[40 * BLOCK : 40 * BLOCK + 100]
    padded, fed_short = VoiceActivity(), VoiceActivity()
    for vad in (padded, fed_short):
        for i in range(0, lead.size, BLOCK):
            vad.probability(lead[i : i + BLOCK])
    expected = padded.probability(np.concatenate([short, np.zeros(BLOCK - 100, np.float32)]))
    assert fed_short.probability(short) == pytest.approx(expected, abs=1e-6)
    assert fed_short.probability(np.zeros(0, np.float32)) == 0.0


def test_a_new_detector_or_a_reset_one_starts_from_silence(jfk):
    from interview_coach.speech.voice_activity import BLOCK, VoiceActivity

    first = jfk[:BLOCK]
    vad = VoiceActivity()
    fresh = vad.probability(first)
    for i in range(BLOCK, 100 * BLOCK, BLOCK):
        vad.probability(jfk[i : i + BLOCK])
    vad.reset()
    assert vad.probability(first) == pytest.approx(fresh, abs=1e-6)


def test_a_recording_of_a_real_voice_stops_on_the_silence_after_it(tmp_path):
    from interview_coach.speech.recorder import WavFileSource, record

    recording = record(
        WavFileSource(JFK, tail_silence_s=5.0), tmp_path / "out.wav", silence_stop_s=2.5
    )
    assert recording.stopped_by == "silence"
    # Kennedy speaks until about 10.5 s, with pauses; the recording ends 2.5 s after him.
    assert 5.0 < recording.speech_s < 10.5
    assert 12.5 < recording.duration_s < 14.5
