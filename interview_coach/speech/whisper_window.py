"""Whisper sized to the audio it is given, for short live segments.

faster-whisper pads every call's features to a 30 s window, so the encoder costs
the same for a 6 s live segment as for 30 s of speech, and with word timestamps
it then decodes the segment a second time from the last word's end (the tail,
where Whisper likes to invent "-o -o -o"). Together they made live transcription
about three times dearer per second of speech than one pass over a file.

CTranslate2's encoder accepts shorter inputs, so we keep the content and ten
seconds of the padding. With less, Whisper more often fails to see where speech
stops and repeats its last sentence until the token limit (over 101 segments of
spoken corpus answers: 2 such segments with 2 s of padding, 1 with 5 s, 0 with
10 s; the encoder's cost grows faster than linearly, so 18 s costs far less
than 30 s). Segments
decoded without timestamp tokens are transcribed whole, so the second pass over
the tail is skipped. ``benchmarks/eval_live_transcription.py`` compares this with
the stock model for speed and word error rate.

This module imports faster-whisper at the top, so only load it when
transcription is wanted.
"""

from __future__ import annotations

import numpy as np
from faster_whisper import WhisperModel

# Padding kept after the content: enough for Whisper to hear the end of speech.
PADDING_FRAMES = 1000  # 100 frames per second


def window_frames(features: np.ndarray) -> int:
    """Frames worth encoding: the content, then PADDING_FRAMES of the padding.

    faster-whisper pads with exact zeros; a normalised log-mel frame of real
    audio (even of digital silence) is never all zeros, so the last non-zero
    column ends the content.
    """
    total = features.shape[-1]
    columns = np.flatnonzero(np.any(features.reshape(-1, total) != 0.0, axis=0))
    if columns.size == 0:
        return total
    used = int(columns[-1]) + 1 + PADDING_FRAMES
    # The encoder's stride-2 convolution wants an even count.
    return min(total, used + used % 2)


class ContentWindowWhisper(WhisperModel):
    """A WhisperModel that encodes content plus a little padding, not 30 s.

    It overrides two methods of faster-whisper (pinned in pyproject.toml);
    ``tests/test_voice_end_to_end.py`` checks both still take effect.
    """

    def encode(self, features: np.ndarray):
        return super().encode(features[..., : window_frames(features)])

    def _split_segments_by_timestamps(self, tokenizer, tokens, *args, **kwargs):
        segments, next_seek, finished = super()._split_segments_by_timestamps(
            tokenizer, tokens, *args, **kwargs
        )
        if not any(token >= tokenizer.timestamp_begin for token in tokens):
            # Decoded without timestamps, the window's text is complete: nothing is
            # left unfinished to decode again from the last word's end.
            finished = True
        return segments, next_seek, finished
