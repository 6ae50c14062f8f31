"""Voice activity cost per 32 ms block: the app's stateful Silero vs the old re-run.

The recorder judges every block while the user speaks, on the same two cores as
live transcription, so this cost comes straight out of the real-time budget.
Prints one JSON document. Target (speech issue): under 0.2 ms per block.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import deque
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interview_coach.speech.audio_files import read_audio  # noqa: E402
from interview_coach.speech.voice_activity import BLOCK, VoiceActivity  # noqa: E402

OLD_CONTEXT_BLOCKS = 16


class RerunLastSixteen:
    """The previous detector: faster-whisper's wrapper (zero state per call) over
    the last 16 blocks, for every block."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._model = get_vad_model()
        self._history: deque[np.ndarray] = deque(maxlen=OLD_CONTEXT_BLOCKS)

    def probability(self, block: np.ndarray) -> float:
        self._history.append(block)
        return float(self._model(np.concatenate(self._history))[-1].squeeze())


def per_block_ms(detector, blocks: list[np.ndarray], rounds: int) -> list[float]:
    costs = []
    for _ in range(rounds):
        for block in blocks:
            started = time.perf_counter()
            detector.probability(block)
            costs.append((time.perf_counter() - started) * 1000)
    return costs


def summary(costs: list[float]) -> dict[str, float]:
    ordered = sorted(costs)
    return {
        "mean_ms": round(statistics.fmean(costs), 4),
        "p50_ms": round(ordered[len(ordered) // 2], 4),
        "p95_ms": round(ordered[int(len(ordered) * 0.95)], 4),
    }


def main() -> None:
    audio = read_audio(ROOT / "tests/data/jfk.flac")
    blocks = [audio[i : i + BLOCK] for i in range(0, audio.size - BLOCK + 1, BLOCK)]
    stateful, rerun = VoiceActivity(), RerunLastSixteen()
    per_block_ms(stateful, blocks[:50], 1)  # warm up both sessions
    per_block_ms(rerun, blocks[:50], 1)
    new = per_block_ms(stateful, blocks, 10)
    old = per_block_ms(rerun, blocks, 10)
    result = {
        "audio": "tests/data/jfk.flac",
        "blocks": len(new),
        "block_ms": 1000 * BLOCK / 16000,
        "stateful": summary(new),
        "rerun_last_16_blocks": summary(old),
        "speedup": round(statistics.fmean(old) / statistics.fmean(new), 1),
        "target_ms": 0.2,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
