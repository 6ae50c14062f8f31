"""Shared fixtures: a private data directory per test, offline settings, CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))

# Nothing may reach for a model hub, in this process or in subprocesses.
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
os.environ.update(OFFLINE)


@pytest.fixture(scope="session", autouse=True)
def parsed_data_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache of parsed data files for the whole run (in this process and the CLI
    subprocesses), outside the user's own cache folder."""
    folder = tmp_path_factory.mktemp("parsed-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERVIEW_COACH_CACHE", str(folder))
        yield folder


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "coach-home"
    monkeypatch.setenv("INTERVIEW_COACH_HOME", str(home))
    from interview_coach import locations

    locations.set_data_dir_override(None)
    yield home
    locations.set_data_dir_override(None)


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(data_home: Path):
    """Run the real console entry point in a subprocess, as a user would."""

    def run(*args: str, stdin: bytes | str | None = None, env: dict | None = None) -> CliResult:
        environment = {**os.environ, **OFFLINE, "INTERVIEW_COACH_HOME": str(data_home)}
        environment.update(env or {})
        data = stdin.encode() if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [sys.executable, "-m", "interview_coach", *args],
            input=data,
            capture_output=True,
            env=environment,
            timeout=120,
            cwd=ROOT,
        )
        return CliResult(proc.returncode, proc.stdout.decode(), proc.stderr.decode())

    return run


@pytest.fixture(scope="session")
def rubrics():
    from interview_coach.domain.rubric import default_rubrics

    return default_rubrics()


@pytest.fixture(scope="session")
def bank():
    from interview_coach.domain.bank import default_bank

    return default_bank()


PROFILE_TEXT = """\
name = "Sam"
applicant_type = "us_img"
specialty = "diagnostic_radiology"

[[red_flags]]
kind = "exam_failure"
exam = "Step 1"
date = "2021-06"
detail = "passed on second attempt"

[[red_flags]]
kind = "gap"
start = "2022-01"
end = "2022-09"
detail = "Step 2 CK preparation and observerships"
"""


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE_TEXT)
    return path
