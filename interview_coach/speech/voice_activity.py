"""Voice activity detection with the Silero model that faster-whisper already ships.

Silero is a recurrent model: each 32 ms block is judged from its LSTM state, which
summarises everything heard before, plus the last 64 samples of the previous block.
faster-whisper's wrapper starts from a zero state on every call (it is written for
whole files), so calling it block by block forgets the past; the old workaround
re-ran the last 16 blocks for every new one, 16 times the work. Here the ONNX
session is run one block at a time with the state carried across calls, which
gives exactly the probabilities of one pass over the whole recording
(``tests/test_voice_activity.py``) for one block's work (``benchmarks/bench_vad.py``).
"""

from __future__ import annotations

import numpy as np

BLOCK = 512  # samples at 16 kHz = 32 ms, the size Silero expects
CONTEXT = 64  # samples of the previous block the model sees before each block
STATE_SHAPE = (1, 1, 128)
SPEECH_THRESHOLD = 0.5


class VoiceActivity:
    """Speech probability block by block; one instance per recording (it has memory)."""

    def __init__(self, threshold: float = SPEECH_THRESHOLD) -> None:
        from faster_whisper.vad import get_vad_model

        # One ONNX session per process (get_vad_model is cached); the state is ours.
        # faster-whisper 1.2.1 ships Silero v6 as one session; 1.1.0-1.2.0 had v5 as
        # two (pyproject.toml requires >= 1.2.1).
        self._session = get_vad_model().session
        self.threshold = threshold
        self.reset()

    def reset(self) -> None:
        """Forget what was heard, as at the start of a new recording."""
        self._h = np.zeros(STATE_SHAPE, dtype=np.float32)
        self._c = np.zeros(STATE_SHAPE, dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)

    def probability(self, block: np.ndarray) -> float:
        """Speech probability of one block of float32 samples at 16 kHz.

        A short block (the last one of a file) is padded with silence, not repeated;
        a longer one is judged 512 samples at a time and its most speech-like part
        counts.
        """
        samples = np.asarray(block, dtype=np.float32).reshape(-1)
        if samples.size == 0:
            return 0.0
        padded = np.zeros(-(-samples.size // BLOCK) * BLOCK, dtype=np.float32)
        padded[: samples.size] = samples
        chunks = padded.reshape(-1, BLOCK)
        previous = np.concatenate([self._context[None, :], chunks[:-1, -CONTEXT:]])
        inputs = np.concatenate([previous, chunks], axis=1)
        probabilities, self._h, self._c = self._session.run(
            None, {"input": inputs, "h": self._h, "c": self._c}
        )
        self._context = chunks[-1, -CONTEXT:].copy()
        return float(np.max(probabilities))

    def is_speech(self, block: np.ndarray) -> bool:
        return self.probability(block) >= self.threshold
