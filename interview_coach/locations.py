"""Every path the app reads or writes, resolved when asked for, never at import.

The data directory holds the user's private material (answers about failures and
health), so it is created owner-only and every file in it is written 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

from interview_coach.errors import UserError

APP_NAME = "interview-coach"
_PACKAGE_DIR = Path(__file__).resolve().parent

_override: Path | None = None


def set_data_dir_override(path: str | os.PathLike[str] | None) -> None:
    """Honour ``--data-dir``, which beats both the environment and the platform default."""
    global _override
    _override = Path(path).expanduser() if path else None


def data_dir() -> Path:
    """Where the database, profile, drafts and recordings live (not created here)."""
    if _override is not None:
        return _override
    env = os.environ.get("INTERVIEW_COACH_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path | None:
    """Where parsed copies of the shipped data are kept, or None to keep none.

    Outside the data directory on purpose: it holds nothing of the user's, only
    the public question bank and rubrics, so ``purge`` has no reason to touch it.
    ``INTERVIEW_COACH_CACHE`` moves it; set to ``off`` it turns the cache off.
    """
    env = os.environ.get("INTERVIEW_COACH_CACHE")
    if env is not None and env.strip().lower() in ("", "off", "0", "none"):
        return None
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def ensure_data_dir() -> Path:
    """Create the data directory owner-only, or say in one sentence why we cannot."""
    path = data_dir()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise UserError(f"The data directory {path} cannot be created ({exc.strerror}).") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise UserError(f"The data directory {path} is not writable.")
    return path


def database_path() -> Path:
    return data_dir() / "coach.sqlite3"


def profile_path() -> Path:
    return data_dir() / "profile.toml"


def settings_path() -> Path:
    return data_dir() / "settings.toml"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def crash_reports_dir() -> Path:
    return data_dir() / "crash-reports"


# What the app itself writes into the data directory (``purge`` deletes these and
# nothing else, so ``--data-dir ~`` by mistake cannot wipe a home folder).
OWN_FILE_PATTERNS = (
    "coach.sqlite3",
    "coach.sqlite3-*",
    "coach.sqlite3.*",
    "profile.toml",
    "settings.toml",
    ".*.tmp",
)
OWN_FOLDERS = ("recordings", "crash-reports")


def own_entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """(entries the app wrote, everything else) directly inside ``folder``."""
    ours, others = [], []
    for entry in sorted(folder.iterdir()):
        is_own_folder = entry.is_dir() and not entry.is_symlink() and entry.name in OWN_FOLDERS
        is_own_file = not entry.is_dir() and any(entry.match(p) for p in OWN_FILE_PATTERNS)
        (ours if is_own_folder or is_own_file else others).append(entry)
    return ours, others


def bundled_data_dir(name: str) -> Path:
    """The shipped ``question_bank`` or ``rubrics`` folder.

    An installed wheel carries them inside the package (``_data/``); an editable
    checkout reads the top-level folders that advisors edit.
    """
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name
