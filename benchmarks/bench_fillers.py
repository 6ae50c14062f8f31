"""How many spoken fillers survive transcription, with and without a filler prompt.

Speech with known fillers ("um", "uh", "you know", "like") is made offline with
espeak-ng, transcribed with the shipped tiny.en model (as a whole file, and as live
segments the way the app hears a spoken answer), and the fillers in the
transcript are counted against those spoken. Also reports how many hesitation gaps
(0.3-1 s) and long pauses the word timings show. Prints one JSON document.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_coach.domain.delivery import delivery_metrics  # noqa: E402
from interview_coach.speech import transcriber as stt  # noqa: E402
from interview_coach.speech.audio_files import read_audio  # noqa: E402
from interview_coach.speech.tts import Pyttsx3Speaker  # noqa: E402

SENTENCES = [
    "Um, I did not pass Step 1 on my first attempt.",
    "I, uh, relied on passive review, you know, and skipped practice tests.",
    "So, um, I met with a mentor every week and, uh, did questions daily.",
    "It was, like, the first time I had a real plan, you know.",
    "Uh, I passed on my second attempt, um, in January.",
]
SPOKEN = {"um": 4, "uh": 4, "you know": 3, "like": 1}


def count(transcripts: list[str]) -> dict[str, int]:
    text = " " + " ".join(t.lower() for t in transcripts) + " "
    for mark in ",.?!":
        text = text.replace(mark, " ")
    return {f: text.count(f" {f} ") for f in SPOKEN}


def main() -> None:
    speaker = Pyttsx3Speaker(rate=150)
    model = stt.WhisperTranscriber()
    model.load()
    report: dict = {"spoken": SPOKEN}
    with tempfile.TemporaryDirectory() as name:
        audios = []
        for index, sentence in enumerate(SENTENCES):
            path = Path(name) / f"f{index}.wav"
            speaker.save(sentence, path)
            audios.append(read_audio(path))
        conditions = [
            (f"{mode}_{label}", mode, prompt)
            for mode in ("whole", "live")
            for label, prompt in (("with_filler_prompt", stt.FILLER_PROMPT), ("no_prompt", None))
        ]
        for label, mode, prompt in conditions:
            stt.FILLER_PROMPT = prompt
            texts, hesitations, pauses = [], 0, 0
            for audio in audios:
                if mode == "whole":
                    words = model.transcribe_audio(audio).words
                else:
                    words = model.transcribe_segment(audio)
                texts.append(stt.join_words(words))
                metrics = delivery_metrics(
                    [(w.word, w.start, w.end) for w in words], audio.size / stt.SAMPLE_RATE
                )
                hesitations += metrics.hesitations
                pauses += len(metrics.long_pauses)
            kept = count(texts)
            report[label] = {
                "kept": kept,
                "kept_total": sum(kept.values()),
                "spoken_total": sum(SPOKEN.values()),
                "hesitations_timed": hesitations,
                "long_pauses": pauses,
                "transcripts": texts,
            }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
