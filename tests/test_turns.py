"""Turn-taking with the real VAD, espeak-ng speech and Whisper: the interviewer stops
when the candidate talks over it, and the answer keeps its first words."""

from __future__ import annotations

import numpy as np
import pytest
from voice_support import require_model, speak_to_wav

from interview_coach.speech.audio_files import SAMPLE_RATE, write_wav
from interview_coach.speech.recorder import WavFileSource
from interview_coach.speech.turns import (
    Interviewer,
    PacedSilentOutput,
    ResumedSource,
    speak_then_listen,
)

pytestmark = pytest.mark.voice

LINE = (
    "Thank you for coming in today. I see you did not pass Step 1 on your first attempt. "
    "Can you walk me through what happened and what you changed afterwards?"
)
ANSWER = "I did not pass Step 1 in June 2021, and I met a tutor every week after that."


class Played(PacedSilentOutput):
    def __init__(self) -> None:
        self.seconds: list[float] = []

    def play(self, audio, stop) -> bool:
        self.seconds.append(audio.size / SAMPLE_RATE)
        return super().play(audio, stop)


def interviewer(tmp_path, output) -> Interviewer:
    from interview_coach.speech.tts import Pyttsx3Speaker

    return Interviewer(Pyttsx3Speaker(rate=150).save, output, tmp_path / "speech")


def test_talking_over_the_interviewer_stops_it_and_the_answer_keeps_its_first_words(tmp_path):
    require_model()
    from interview_coach.speech.transcriber import WhisperTranscriber

    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    output = Played()
    voice = interviewer(tmp_path, output)
    source = ResumedSource(WavFileSource(wav, realtime=True))
    start = speak_then_listen(voice, LINE, source)
    assert start.barged_in
    assert voice.spoken == [(LINE, False)]  # cut short, and no cue after a barge-in
    assert len(output.seconds) == 1
    heard = np.concatenate(list(source.blocks()))
    text = WhisperTranscriber().transcribe_audio(heard).text.lower()
    assert text.startswith("i did not pass"), text


def test_silence_lets_the_interviewer_finish_then_the_cue_sounds(tmp_path):
    require_model()
    quiet = tmp_path / "quiet.wav"
    write_wav(quiet, np.zeros(SAMPLE_RATE * 30, dtype=np.float32))
    output = Played()
    voice = interviewer(tmp_path, output)
    source = ResumedSource(WavFileSource(quiet, realtime=True))
    start = speak_then_listen(voice, "Tell me about your gap year.", source)
    assert not start.barged_in and source.front == []
    assert voice.spoken == [("Tell me about your gap year.", True)]
    assert len(output.seconds) == 2 and output.seconds[1] < 0.5  # the line, then the beep


def test_with_barge_in_off_the_line_is_said_to_the_end(tmp_path):
    require_model()
    wav = speak_to_wav(ANSWER, tmp_path / "answer.wav")
    voice = interviewer(tmp_path, Played())
    source = ResumedSource(WavFileSource(wav, realtime=True))
    start = speak_then_listen(voice, LINE, source, barge_in=False)
    assert not start.barged_in
    assert voice.spoken == [(LINE, True)]
