"""The domain layer: profile, question selection, rubric scoring, delivery metrics.

Pure functions over plain dataclasses. Nothing here imports Textual, audio
libraries or sqlite3, so the scorer runs (and is tested) on its own.
"""
