"""Whisper's log-mel features for a long answer, 30 s of frames at a time.

faster-whisper computes the features of a whole recording in one go: the
short-time Fourier transform of every frame at once. For a two-minute answer
that is about 110 MB held for a moment (measured), on top of a voice session
that already holds the model, the VAD and the scorer, and it pushed the peak of
voice mode past 400 MB. The features themselves are small (80 x 100 floats a
second); only the transform's intermediate arrays are large.

``ChunkedFeatures`` is faster-whisper's own ``FeatureExtractor`` with one
change: the frames are transformed in chunks, with faster-whisper's own
``stft`` on each, and only the final step that needs every frame (the clamp
to 8 below the loudest value) runs over the whole. Recordings of up to 30 s
take the stock path unchanged. This is the one place the app reaches into
faster-whisper (a public class and the model's public ``feature_extractor``
attribute); ``tests/test_features.py`` checks that the result matches the
stock features, so an upgrade that changes them fails there, not in use.
"""

from __future__ import annotations

import numpy as np
from faster_whisper.feature_extractor import FeatureExtractor

CHUNK_FRAMES = 3000  # 30 s at faster-whisper's 10 ms hop


class ChunkedFeatures(FeatureExtractor):
    @classmethod
    def like(cls, stock: FeatureExtractor) -> ChunkedFeatures:
        """The same extractor (sample rate, hop, filters) as the model's own."""
        chunked = cls.__new__(cls)
        chunked.__dict__.update(vars(stock))
        return chunked

    def __call__(
        self, waveform: np.ndarray, padding: int = 160, chunk_length: int | None = None
    ) -> np.ndarray:
        half = self.n_fft // 2
        frames = (waveform.size + padding) // self.hop_length  # as the stock path keeps
        if frames <= CHUNK_FRAMES or waveform.size + padding <= half:
            return super().__call__(waveform, padding=padding, chunk_length=chunk_length)
        if chunk_length is not None:
            self.n_samples = chunk_length * self.sampling_rate
            self.nb_max_frames = self.n_samples // self.hop_length
        samples = waveform.astype(np.float32, copy=False)
        if padding:
            samples = np.pad(samples, (0, padding))
        samples = np.pad(samples, (half, half), mode="reflect")  # the stock "center" padding
        # The stock transform yields one frame more than it keeps (it drops the last).
        kept = (samples.size - self.n_fft) // self.hop_length
        window = np.hanning(self.n_fft + 1)[:-1].astype("float32")
        parts = []
        for first in range(0, kept, CHUNK_FRAMES):
            last = min(kept, first + CHUNK_FRAMES)
            piece = samples[first * self.hop_length : (last - 1) * self.hop_length + self.n_fft]
            spectrum = self.stft(
                piece, self.n_fft, self.hop_length, window=window, center=False, return_complex=True
            ).astype("complex64")
            mel = self.mel_filters @ (np.abs(spectrum) ** 2)
            parts.append(np.log10(np.clip(mel, a_min=1e-10, a_max=None)))
        log_spec = np.concatenate(parts, axis=1)
        log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
        return (log_spec + 4.0) / 4.0
