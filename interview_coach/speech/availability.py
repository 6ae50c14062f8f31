"""Is voice possible here? One sentence saying what is missing, or a loaded transcriber."""

from __future__ import annotations

from interview_coach.errors import UserError


def voice_extra_missing(exc: ImportError) -> UserError:
    """The sentence for a voice feature used where the voice extra is not installed."""
    return UserError(
        f"Voice needs the voice extra ({exc.name or exc} is missing): "
        "pip install 'interview-coach[voice]' (recording also needs the PortAudio library: "
        "sudo apt-get install libportaudio2)."
    )


def load_voice(need_microphone: bool = True, model: str | None = None):
    """Returns (transcriber, None) when voice works, else (None, reason in one sentence)."""
    try:
        if need_microphone:
            from interview_coach.speech.recorder import load_sounddevice

            sounddevice = load_sounddevice()
            try:
                sounddevice.query_devices(kind="input")
            except Exception:
                return None, (
                    "No microphone was found; connect one and restart "
                    "(typed practice works meanwhile)."
                )
        from interview_coach.speech.transcriber import WhisperTranscriber

        transcriber = WhisperTranscriber(model)
        transcriber.load(warm_up=True)
    except UserError as exc:
        return None, str(exc)
    except ImportError as exc:
        return None, str(voice_extra_missing(exc))
    return transcriber, None
