"""The one seam into faster-whisper: Whisper's features for long answers, computed
30 s at a time (``speech/features.py``), must be the features faster-whisper
itself computes, or transcription of long answers would quietly change."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("faster_whisper", reason="voice extra not installed")

from faster_whisper.feature_extractor import FeatureExtractor

from interview_coach.speech.audio_files import read_audio
from interview_coach.speech.features import ChunkedFeatures

JFK = Path(__file__).parent / "data" / "jfk.flac"


@pytest.mark.parametrize("seconds", [11, 30.01, 65.3, 127])
def test_chunked_features_are_faster_whispers_features(seconds):
    rng = np.random.default_rng(int(seconds * 100))
    speech = np.resize(read_audio(JFK), int(seconds * 16000))
    audio = (speech * rng.uniform(0.3, 1.0) + rng.normal(0, 1e-3, speech.size)).astype(np.float32)
    stock = FeatureExtractor()
    expected = stock(audio)
    got = ChunkedFeatures.like(stock)(audio)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_a_quiet_start_and_a_loud_end_keep_the_whole_answers_clamp():
    """The clamp to 8 below the loudest value spans every chunk, not each one."""
    audio = np.concatenate(
        [np.full(16000 * 40, 1e-4, dtype=np.float32), read_audio(JFK), np.zeros(160, np.float32)]
    )
    stock = FeatureExtractor()
    np.testing.assert_allclose(ChunkedFeatures.like(stock)(audio), stock(audio), atol=1e-5)


def test_the_loaded_model_computes_its_features_in_chunks_with_its_own_settings():
    from voice_support import require_model

    require_model()
    from interview_coach.speech.transcriber import load_whisper_model

    model, _ = load_whisper_model()
    extractor = model.feature_extractor
    assert isinstance(extractor, ChunkedFeatures)
    stock = FeatureExtractor(**model.feat_kwargs)
    assert (extractor.n_fft, extractor.hop_length, extractor.sampling_rate) == (
        stock.n_fft,
        stock.hop_length,
        stock.sampling_rate,
    )
    np.testing.assert_array_equal(extractor.mel_filters, stock.mel_filters)
