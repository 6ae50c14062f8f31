"""The layering promise: the domain, storage and scoring path never load UI or audio code."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("textual", "faster_whisper", "sounddevice", "ctranslate2", "pyttsx3", "numpy")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.strip().split(","))


def test_domain_storage_and_coach_import_no_ui_or_audio():
    modules = _loaded_after(
        "import interview_coach.coach, interview_coach.storage\n"
        "from interview_coach.domain import scoring, selection, profile, reports, consistency"
    )
    assert not any(m.split(".")[0] in HEAVY for m in modules)
    assert "sqlite3" not in {m for m in _loaded_after("import interview_coach.domain.scoring")}


def test_score_command_path_loads_no_ui_or_audio():
    """Scoring reads sentence vectors with numpy, but never loads UI or audio code."""
    modules = _loaded_after(
        "import io, sys\nfrom interview_coach.cli import main, commands\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'I failed Step 1 in 2021.'))\n"
        "import contextlib\nwith contextlib.redirect_stdout(io.StringIO()):\n"
        "    main.main(['score', '--topic', 'exam_failure', '--json'])"
    )
    assert "numpy" in modules  # proves the probe really scored
    assert not any(m.split(".")[0] in HEAVY and not m.startswith("numpy") for m in modules)


def test_tui_start_up_path_imports_no_audio_or_whisper():
    """The first paint must not wait for faster-whisper, sounddevice or numpy."""
    modules = _loaded_after(
        "from interview_coach.tui.app import make_app\n"
        "from interview_coach.tui.screens import home_screen, practice_screen, card_screen"
    )
    assert not any(m.split(".")[0] in HEAVY[1:] for m in modules)
