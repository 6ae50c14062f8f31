"""Live segments decoded with CTranslate2's public Whisper API, sized to the audio.

faster-whisper pads every call's features to a 30 s window, so the encoder costs
the same for a 6 s live segment as for 30 s of speech, and with word timestamps
it then decodes the segment a second time from the last word's end (the tail,
where Whisper likes to invent "-o -o -o"). Together they made live transcription
about three times dearer per second of speech than one pass over a file.

So a live segment does not go through ``WhisperModel.transcribe``. It is decoded
here with CTranslate2's documented ``encode``, ``generate`` and ``align`` on the
same loaded model: the encoder sees the content plus ten seconds of the padding
(with less, Whisper more often fails to see where speech stops and repeats its
last sentence until the token limit: over 101 segments of spoken corpus answers,
2 such segments with 2 s of padding, 1 with 5 s, 0 with 10 s), the decoder runs
once without timestamp tokens, and word times come from the cross-attention
alignment. Whole recordings still use ``WhisperModel.transcribe`` untouched, with
30 s windows. Earlier this was done by overriding ``encode`` and the private
``_split_segments_by_timestamps`` of ``WhisperModel``, which pinned faster-whisper
to one release and changed whole-file transcription too.

What is taken from faster-whisper here is its feature extractor and tokenizer
(public modules) and the loaded model's ``model``, ``feature_extractor`` and
``hf_tokenizer`` attributes; ``tests/test_live_decoder.py`` checks each.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

# Padding kept after the content: enough for Whisper to hear the end of speech.
PADDING_FRAMES = 1000  # 100 frames per second
WINDOW_FRAMES = 3000  # Whisper's 30 s window
MAX_LENGTH = 448  # Whisper's decoder context, prompt included
TOKENS_PER_SECOND = 50  # encoder positions (alignment frames) per second
COMPRESSION_RATIO_LIMIT = 2.4  # above this the text is a loop: retry warmer
NO_SPEECH_LIMIT = 0.6
BEST_OF = 5
PREPEND_PUNCTUATION = "\"'“¿([{-"
APPEND_PUNCTUATION = "\"'.。,，!！?？:：”)]}、"
SENTENCE_END = ".。!！?？"


@dataclass(frozen=True)
class TimedWord:
    word: str
    start: float
    end: float
    probability: float


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


class SegmentDecoder:
    """Decodes one short segment (up to about 20 s) on an already loaded WhisperModel."""

    def __init__(self, model) -> None:
        from faster_whisper.tokenizer import Tokenizer

        self._whisper = model  # the WhisperModel that whole files go through
        self._extractor = model.feature_extractor
        self.tokenizer = Tokenizer(
            model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en"
        )
        t = self.tokenizer
        # What faster-whisper suppresses by default (suppress_tokens=[-1]).
        self._suppress = sorted(
            {
                *t.non_speech_tokens,
                t.transcribe,
                t.translate,
                t.sot,
                t.sot_prev,
                t.sot_lm,
                t.no_speech,
            }
        )

    @property
    def _ct2(self):
        """The loaded ctranslate2.models.Whisper, shared with whole-file transcription."""
        return self._whisper.model

    def features(self, audio: np.ndarray) -> tuple[np.ndarray, int]:
        """Log-mel frames of the content followed by PADDING_FRAMES of zero padding
        (faster-whisper pads with exact zeros too), and the number of content frames."""
        mel = self._extractor(audio)
        content = min(mel.shape[-1] - 1, WINDOW_FRAMES)
        # The encoder's stride-2 convolution wants an even count.
        size = min(WINDOW_FRAMES, content + PADDING_FRAMES)
        size += size % 2
        window = np.zeros((mel.shape[0], size), dtype=np.float32)
        window[:, :content] = mel[:, :content]
        return window, content

    def encode(self, window: np.ndarray):
        import ctranslate2

        return self._ct2.encode(ctranslate2.StorageView.from_array(window[None]), to_cpu=False)

    def prompt(self, context: str) -> list[int]:
        t = self.tokenizer
        tokens: list[int] = []
        if context.strip():
            previous = t.encode(" " + context.strip())
            tokens = [t.sot_prev, *previous[-(MAX_LENGTH // 2 - 1) :]]
        return [*tokens, *t.sot_sequence, t.no_timestamps]

    def decode(
        self,
        audio: np.ndarray,
        context: str = "",
        temperatures: tuple[float, ...] = (0.0,),
        max_new_tokens: int = 200,
    ) -> list[TimedWord]:
        """Words with times in seconds from the segment's start."""
        window, content = self.features(audio)
        if content == 0:
            return []
        encoded = self.encode(window)
        prompt = self.prompt(context)
        max_length = min(MAX_LENGTH, len(prompt) + max_new_tokens)
        result, tokens = self._generate(encoded, prompt, temperatures, max_length)
        if result.no_speech_prob > NO_SPEECH_LIMIT:
            return []
        tokens = [token for token in tokens if token < self.tokenizer.eot]
        return self._words(encoded, tokens, content)

    def _generate(self, encoded, prompt: list[int], temperatures, max_length: int):
        """Greedy first; a loop (text that compresses too well) retries by sampling."""
        tried = []
        for temperature in temperatures:
            if temperature > 0:
                options = {
                    "beam_size": 1,
                    "num_hypotheses": BEST_OF,
                    "sampling_topk": 0,
                    "sampling_temperature": temperature,
                }
            else:
                options = {"beam_size": 1}
            result = self._ct2.generate(
                encoded,
                [prompt],
                max_length=max_length,
                return_scores=True,
                return_no_speech_prob=True,
                suppress_blank=True,
                suppress_tokens=self._suppress,
                **options,
            )[0]
            tokens = result.sequences_ids[0]
            ratio = compression_ratio(self.tokenizer.decode(tokens).strip())
            average = result.scores[0] * len(tokens) / (len(tokens) + 1)
            tried.append((ratio <= COMPRESSION_RATIO_LIMIT, average, result, tokens))
            if ratio <= COMPRESSION_RATIO_LIMIT:
                return result, tokens
        _, _, result, tokens = max(tried, key=lambda entry: (entry[0], entry[1]))
        return result, tokens

    def _words(self, encoded, tokens: list[int], content: int) -> list[TimedWord]:
        if not tokens:
            return []
        t = self.tokenizer
        [alignment] = self._ct2.align(
            encoded, t.sot_sequence, [tokens], content, median_filter_width=7
        )
        words, word_tokens = t.split_to_word_tokens([*tokens, t.eot])
        if len(word_tokens) <= 1:
            return []
        pairs = np.array(alignment.alignments)
        text_indices, time_indices = pairs[:, 0], pairs[:, 1]
        jumps = np.pad(np.diff(text_indices), (1, 0), constant_values=1).astype(bool)
        jump_times = time_indices[jumps] / TOKENS_PER_SECOND
        bounds = np.pad(np.cumsum([len(w) for w in word_tokens[:-1]]), (1, 0))
        probabilities = alignment.text_token_probs
        timed = [
            {
                "word": word,
                "start": float(jump_times[i]),
                "end": float(jump_times[j]),
                "probability": float(np.mean(probabilities[i:j])),
            }
            for word, i, j in zip(words, bounds[:-1], bounds[1:], strict=False)
        ]
        median = _median_duration(timed)
        _clamp_sentence_ends(timed, median * 2)
        merged = _merge_punctuation(timed)
        _clamp_edges(merged, median, content / 100)
        return [TimedWord(w["word"], w["start"], w["end"], w["probability"]) for w in merged]


# Alignment stretches a word across a pause. faster-whisper trims such words to twice
# the median word length (at sentence ends, and the first word after the silence
# before speech) and to the segment's end; the same is done here, in the same order.
def _median_duration(timed: list[dict]) -> float:
    durations = np.array([w["end"] - w["start"] for w in timed])
    durations = durations[durations.nonzero()]
    return min(0.7, float(np.median(durations))) if durations.size else 0.0


def _clamp_sentence_ends(timed: list[dict], longest: float) -> None:
    if longest <= 0:
        return
    for i in range(1, len(timed)):
        if timed[i]["end"] - timed[i]["start"] > longest:
            if timed[i]["word"] in SENTENCE_END:
                timed[i]["end"] = timed[i]["start"] + longest
            elif timed[i - 1]["word"] in SENTENCE_END:
                timed[i]["start"] = timed[i]["end"] - longest


def _clamp_edges(words: list[dict], median: float, duration: float) -> None:
    if not words:
        return
    longest = median * 2
    first, second = words[0], words[1] if len(words) > 1 else None
    if first["end"] > median * 4 and (
        first["end"] - first["start"] > longest
        or (second is not None and second["end"] - first["start"] > longest * 2)
    ):
        if second is not None and second["end"] - second["start"] > longest:
            boundary = max(second["end"] / 2, second["end"] - longest)
            first["end"] = second["start"] = boundary
        first["start"] = max(0.0, first["end"] - longest)
    last = words[-1]
    if duration > last["start"] and duration + 0.5 < last["end"]:
        last["end"] = max(last["start"] + median, duration)


def _merge_punctuation(timed: list[dict]) -> list[dict]:
    """Opening quotes and brackets join the next word, full stops and commas the previous."""
    out: list[dict] = []
    carry = ""
    for word in timed:
        text = word["word"]
        if text.startswith(" ") and text.strip() and text.strip() in PREPEND_PUNCTUATION:
            carry += text
            continue
        if carry:
            text, carry = carry + text, ""
        if out and not out[-1]["word"].endswith(" ") and text in APPEND_PUNCTUATION:
            out[-1]["word"] += text
            continue
        out.append({**word, "word": text})
    return [w for w in out if w["word"].strip()]
