"""A child process for the recorder-trouble tests: records from the real default input
device (PortAudio over the simulated ALSA microphone that HOME points at) while
something goes wrong, and prints what the recorder returned as JSON.

``stall``: at the first block the PortAudio stream is aborted, as when a USB microphone
is pulled out; the device then sends nothing more. (The simulated device delivers
faster than real time, so how much sound was already queued varies from run to run.)
``overflow``: PortAudio's status flags report dropped input on one callback, as
they do when the computer falls behind the device.
"""

from __future__ import annotations

import json
import sys
import wave
from pathlib import Path

import sounddevice

from interview_coach.speech.recorder import MicrophoneSource, record


class OverflowingMicrophone(MicrophoneSource):
    def _callback(self, data, frames, when, status) -> None:
        self.calls = getattr(self, "calls", 0) + 1
        if self.calls == 20:
            status = sounddevice.CallbackFlags()
            status.input_overflow = True
        super()._callback(data, frames, when, status)


def main() -> None:
    mode, out = sys.argv[1], Path(sys.argv[2])
    if mode == "stall":
        source = MicrophoneSource(stall_s=0.5)

        def on_block(info, block) -> None:
            if source._stream.active:
                source._stream.abort()  # the device goes away mid-answer

        result = record(source, out, max_seconds=3600, silence_stop_s=0, on_block=on_block)
    else:
        source = OverflowingMicrophone()
        result = record(source, out, max_seconds=30, silence_stop_s=2.5)
    with wave.open(str(out), "rb") as saved:
        saved_s = saved.getnframes() / saved.getframerate()
    print(
        json.dumps(
            {
                "stopped_by": result.stopped_by,
                "duration_s": result.duration_s,
                "warning": result.warning,
                "saved_s": saved_s,
            }
        )
    )


if __name__ == "__main__":
    main()
