"""interview-coach: offline practice for the red-flag questions of residency interviews.

The package is layered so that the scorer can run without any UI or audio stack:
``domain`` (pure functions over dataclasses) sits at the bottom, ``storage`` and
``speech`` above it, and the ``cli`` and ``tui`` interfaces on top.
"""

__version__ = "0.1.0"
