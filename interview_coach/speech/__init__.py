"""Speech: text-to-speech, recording, voice activity and transcription behind small interfaces."""
