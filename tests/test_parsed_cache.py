"""The cache of parsed data files: a start-up shortcut that must never change what
is loaded, never hold the user's own material, and never stop the app."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from interview_coach.coach import Coach
from interview_coach.domain.answer_text import normalise
from interview_coach.domain.bank import default_bank
from interview_coach.domain.datafiles import read_toml
from interview_coach.domain.rubric import default_rubrics, load_rubrics
from interview_coach.locations import bundled_data_dir
from interview_coach.storage.parsed_cache import FILE_NAME, parsed_data_cache

SHIPPED = sorted(
    [
        *bundled_data_dir("rubrics").rglob("*.toml"),
        *bundled_data_dir("question_bank").rglob("*.toml"),
    ]
)


@pytest.fixture
def fresh_loads() -> None:
    """Make ``Coach.load`` read the shipped files again (they are loaded once per process)."""
    default_bank.cache_clear()
    default_rubrics.cache_clear()


def _read_all(folder: Path) -> dict[Path, dict]:
    with parsed_data_cache(folder):
        return {path: read_toml(path)[0] for path in SHIPPED}


def test_every_shipped_file_reads_back_from_the_cache_exactly_as_parsed(tmp_path: Path) -> None:
    first = _read_all(tmp_path)
    stored = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["tables"]
    assert len(stored) == len({p.read_bytes() for p in SHIPPED})
    second = _read_all(tmp_path)
    for path in SHIPPED:
        expected = tomllib.loads(path.read_text(encoding="utf-8"))
        assert first[path] == expected, path
        assert second[path] == expected, path


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b'{"format": 1, "tables": {"abc": [1, 2')
    tables = _read_all(tmp_path)
    assert tables[SHIPPED[0]] == tomllib.loads(SHIPPED[0].read_text(encoding="utf-8"))
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["format"] == 1


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    tables = _read_all(blocker / "cache")
    assert tables[SHIPPED[-1]] == tomllib.loads(SHIPPED[-1].read_text(encoding="utf-8"))
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_an_edited_file_is_parsed_again_and_its_old_copy_dropped(tmp_path: Path) -> None:
    data = tmp_path / "topic.toml"
    data.write_text('title = "Before the edit"\n', encoding="utf-8")
    cache = tmp_path / "cache"
    with parsed_data_cache(cache):
        assert read_toml(data)[0] == {"title": "Before the edit"}
    data.write_text('title = "After the edit"\n', encoding="utf-8")
    with parsed_data_cache(cache):
        assert read_toml(data)[0] == {"title": "After the edit"}
    stored = (cache / FILE_NAME).read_text(encoding="utf-8")
    assert "After the edit" in stored and "Before the edit" not in stored


def test_a_table_json_cannot_hold_exactly_is_parsed_every_time(tmp_path: Path) -> None:
    data = tmp_path / "dated.toml"
    data.write_text("when = 2022-03-01\n", encoding="utf-8")
    with parsed_data_cache(tmp_path / "cache"):
        first = read_toml(data)[0]
    with parsed_data_cache(tmp_path / "cache"):
        second = read_toml(data)[0]
    assert first == second == tomllib.loads("when = 2022-03-01\n")


def test_the_profile_never_enters_the_cache(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch, fresh_loads: None
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("INTERVIEW_COACH_CACHE", str(cache))
    profile = tmp_path / "profile.toml"
    profile.write_text(
        'name = "Sam"\nspecialty = "diagnostic_radiology"\n[[red_flags]]\nkind = "exam_failure"\n'
        'detail = "Failed Step 1 after my father\'s stroke, told to nobody: quartz-owl-4417"\n',
        encoding="utf-8",
    )
    coach = Coach.load(profile)
    assert coach.profile is not None and "quartz-owl-4417" in coach.profile.red_flags[0].detail
    assert (cache / FILE_NAME).is_file()
    assert "quartz-owl-4417" not in (cache / FILE_NAME).read_text(encoding="utf-8")


def test_the_cache_can_be_turned_off(
    tmp_path: Path, data_home: Path, monkeypatch: pytest.MonkeyPatch, fresh_loads: None
) -> None:
    monkeypatch.setenv("INTERVIEW_COACH_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    Coach.load(use_saved_profile=False)
    assert not (tmp_path / "xdg").exists()


def test_score_gives_the_same_card_with_a_cold_and_a_warm_cache(run_cli, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "I failed Step 1 because I studied passively. I switched to timed question blocks "
        "every day and passed with a 238. As a resident I will keep testing myself.",
        encoding="utf-8",
    )
    env = {"INTERVIEW_COACH_CACHE": str(tmp_path / "cache")}
    cold = run_cli("score", "--topic", "exam_failure", "--json", "--file", str(answer), env=env)
    warm = run_cli("score", "--topic", "exam_failure", "--json", "--file", str(answer), env=env)
    assert cold.code == warm.code == 0, cold.stderr + warm.stderr
    assert (tmp_path / "cache" / FILE_NAME).is_file()
    assert json.loads(warm.stdout) == json.loads(cold.stdout)


def test_a_file_read_by_another_thread_while_the_cache_is_open_stays_out(tmp_path: Path) -> None:
    """The TUI loads the coach on a worker thread; a profile read on another thread
    at that moment must not be copied into the cache."""
    import threading

    private = tmp_path / "profile.toml"
    private.write_text('name = "owl-quartz-9931"\n', encoding="utf-8")
    cache = tmp_path / "cache"
    inside, done = threading.Event(), threading.Event()

    def read_profile_meanwhile() -> None:
        inside.wait(timeout=30)
        read_toml(private)
        done.set()

    reader = threading.Thread(target=read_profile_meanwhile)
    reader.start()
    with parsed_data_cache(cache):
        read_toml(SHIPPED[0])
        inside.set()
        assert done.wait(timeout=30)
    reader.join()
    stored = (cache / FILE_NAME).read_text(encoding="utf-8")
    assert "owl-quartz-9931" not in stored and len(json.loads(stored)["tables"]) == 1


def test_cue_forms_come_back_from_the_cache_unchanged_and_follow_the_normalising_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every start-up normalises ~2,700 cue phrases unless the cache holds them; a
    stale copy (after the normalising code changed) would silently change matches."""
    from interview_coach.domain import rubric

    folder, cache = bundled_data_dir("rubrics"), tmp_path / "cache"
    with parsed_data_cache(cache):
        cold = load_rubrics(folder)
    with parsed_data_cache(cache):
        warm = load_rubrics(folder)
    uncached = load_rubrics(folder)
    assert len(uncached.cue_forms) > 1000
    assert warm.cue_forms == cold.cue_forms == uncached.cue_forms
    for cue in ("cannot-miss", "children's hospital"):
        assert uncached.cue_forms[cue] == " ".join(normalise(cue, uncached.rewrites)) != cue

    normalised: list[str] = []

    def counting(text: str, rewrites=()) -> list[str]:
        normalised.append(text)
        return normalise(text, rewrites)

    monkeypatch.setattr(rubric, "normalise", counting)
    with parsed_data_cache(cache):
        load_rubrics(folder)
    assert normalised == [], "unchanged code and data: the forms come from the cache"
    monkeypatch.setattr(rubric, "normaliser_digest", lambda: "the code was edited")
    with parsed_data_cache(cache):
        edited = load_rubrics(folder)
    assert len(normalised) == len(uncached.cue_forms)
    assert edited.cue_forms == uncached.cue_forms
