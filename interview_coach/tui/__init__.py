"""Interfaces: the Textual app (screens, widgets, workers)."""
