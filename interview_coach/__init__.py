"""interview-coach: offline practice for the red-flag questions of residency interviews.

The package is layered so that the scorer can run without any UI or audio stack:
``domain`` (pure functions over dataclasses) sits at the bottom, ``storage`` and
``speech`` above it, and the ``cli`` and ``tui`` interfaces on top.
"""

import os

# The scorer's matrix products are small (a ~4,000 x 256 table against a score of
# clauses). OpenBLAS's thread pool made them 7x slower on a two-core machine busy
# with anything else (8 ms against 1.2 ms on one thread), so numpy gets one thread
# unless the user chose otherwise. Set before any of our modules imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
