"""The coach: the one place the interfaces go to for questions, scores and history.

It ties the domain (bank, rubrics, profile, scoring) to storage, so the CLI and
the TUI stay thin and behave identically. Nothing here imports Textual or audio.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_coach import locations
from interview_coach.coach_history import HistoryReading
from interview_coach.domain.bank import QuestionBank, default_bank
from interview_coach.domain.profile import Profile, load_profile, profile_to_toml
from interview_coach.domain.results import ScoreCard
from interview_coach.domain.rubric import Rubrics, default_rubrics
from interview_coach.domain.scoring import score_answer
from interview_coach.errors import UserError

if TYPE_CHECKING:
    # Imported where used: ``score --json`` needs none of them (~20 ms of its start-up).
    from interview_coach.domain.conversation import InterviewScript
    from interview_coach.domain.selection import AskedQuestion


@dataclass
class Coach(HistoryReading):
    bank: QuestionBank
    rubrics: Rubrics
    profile: Profile | None = None
    profile_file: Path | None = None
    _store: Any = field(default=None, repr=False)

    @classmethod
    def load(cls, profile_file: Path | None = None, use_saved_profile: bool = True) -> Coach:
        """Load the shipped data and the profile (an explicit file, else the saved one)."""
        from interview_coach.storage.parsed_cache import parsed_data_cache

        with parsed_data_cache(locations.cache_dir()):
            coach = cls(default_bank(), default_rubrics())
        if profile_file is None and use_saved_profile and locations.profile_path().is_file():
            profile_file = locations.profile_path()
        if profile_file is not None:
            coach.profile = coach.read_profile(profile_file)
            coach.profile_file = profile_file
        return coach

    def read_profile(self, path: Path) -> Profile:
        return load_profile(path, set(self.bank.topics), set(self.rubrics.specialties))

    @property
    def specialty_id(self) -> str:
        return self.profile.specialty if self.profile else "diagnostic_radiology"

    @property
    def specialty_name(self) -> str:
        return self.rubrics.specialty(self.specialty_id).name

    def questions(
        self,
        topic: str | None = None,
        limit: int | None = None,
        weak_topics: list[str] | None = None,
    ) -> list[AskedQuestion]:
        from interview_coach.domain.selection import select_questions

        profile = self.profile or Profile()
        return select_questions(self.bank, profile, topic, limit, self.specialty_name, weak_topics)

    def question(self, question_id: str) -> AskedQuestion:
        question = self.bank.question(question_id)
        for asked in self.questions(topic=question.topic):
            if asked.id == question_id:
                return asked
        from interview_coach.domain.selection import ask

        return ask(question, self.bank, self.profile, self.specialty_name)

    def score(
        self,
        answer: str,
        topic: str,
        question_id: str | None = None,
        spoken_seconds: float | None = None,
    ) -> ScoreCard:
        follow_ups = self.question(question_id).follow_ups if question_id else ()
        self.bank.topic(topic)
        return score_answer(
            answer,
            topic,
            self.rubrics,
            question_id=question_id,
            profile=self.profile,
            question_follow_ups=follow_ups,
            spoken_seconds=spoken_seconds,
        )

    def score_follow_up(
        self,
        previous_answer: str,
        previous_card: ScoreCard,
        reply: str,
        asked: tuple[str, ...] = (),
    ) -> ScoreCard:
        """A follow-up reply judged together with the answer it follows."""
        from interview_coach.domain.follow_ups import score_follow_up

        question_id = previous_card.question_id
        return score_follow_up(
            previous_answer,
            previous_card,
            reply,
            self.rubrics,
            asked=asked,
            profile=self.profile,
            question_follow_ups=self.question(question_id).follow_ups if question_id else (),
        )

    def judge(
        self,
        text: str,
        topic: str,
        question_id: str | None,
        followed: dict[str, Any] | None = None,
        asked: tuple[str, ...] = (),
        spoken_seconds: float | None = None,
    ) -> tuple[ScoreCard, str]:
        """The card and the text to save. A follow-up reply (``followed``: the saved
        result it follows, with its "answer" and "card") is judged and saved together
        with that answer, so the card's evidence points into the text Review shows.
        ``spoken_seconds`` (a spoken answer's length) sets the length note in seconds;
        a follow-up is judged by its combined words, since the seconds are the reply's."""
        if followed is None:
            return self.score(text, topic, question_id, spoken_seconds), text
        from interview_coach.domain.follow_ups import JOIN

        previous = ScoreCard.from_json(followed["card"])
        card = self.score_follow_up(followed["answer"], previous, text, asked)
        return card, followed["answer"] + JOIN + text

    # -- the spoken mock interview --------------------------------------------
    def mock_questions(self, count: int) -> list[AskedQuestion]:
        """The mock's questions: red flags first, then weak topics, one per topic."""
        from interview_coach.domain.selection import mock_questions

        weak = self.weak_topics() if self._store is not None or _has_history() else []
        return mock_questions(self.bank, self.profile, count, self.specialty_name, weak)

    def interview_script(self) -> InterviewScript:
        """The interviewer's opening, transitions and closing lines."""
        from interview_coach.domain.conversation import default_script

        return default_script()

    def conversational_follow_up(
        self, answer: str, card: ScoreCard, asked: tuple[str, ...] = ()
    ) -> str | None:
        """A follow-up on the card's weakest dimension that quotes the answer; None when
        every dimension is strong or already asked about."""
        from interview_coach.domain.conversation import conversational_follow_up

        return conversational_follow_up(answer, card, self.rubrics, asked)

    def with_conversational_follow_up(
        self, answer: str, card: ScoreCard, asked: tuple[str, ...] = ()
    ) -> ScoreCard:
        """``card`` whose follow-up is the quoting one, so saving it and judging the
        reply (``score_follow_up``: ``probed`` still names the dimension) use it."""
        from dataclasses import replace

        return replace(card, follow_up=self.conversational_follow_up(answer, card, asked))

    def ask_follow_up(
        self, saved: SavedAnswer, asked: tuple[str, ...] = ()
    ) -> tuple[SavedAnswer, str | None]:
        """The quoting follow-up the interviewer asks next (None: nothing left worth
        asking), and the saved answer with it on its card, stored too, so Review and
        reports show the question actually asked rather than the generic one."""
        card = self.with_conversational_follow_up(saved.text, saved.card, asked)
        if not card.follow_up:
            return saved, None
        if card.follow_up != saved.card.follow_up:
            self.store().replace_answer(saved.answer_id, card.to_json(), saved.text, saved.delivery)
        return replace(saved, card=card), card.follow_up

    # -- storage ---------------------------------------------------------------
    def store(self):
        if self._store is None:
            from interview_coach.storage import open_store

            locations.ensure_data_dir()
            self._store = open_store(locations.database_path())
        return self._store

    def save(
        self,
        card: ScoreCard,
        answer: str,
        *,
        session_id: int | None = None,
        kind: str = "practice",
        source: str = "typed",
        question_text: str | None = None,
        delivery: dict[str, Any] | None = None,
    ) -> tuple[int, int]:
        """Persist an answer (creating a session if needed); returns (session_id, answer_id)."""
        store = self.store()
        if session_id is None:
            session_id = store.create_session(kind)
        answer_id = store.save_answer(
            session_id,
            card.to_json(),
            answer,
            source=source,
            question_text=question_text,
            delivery=delivery,
        )
        return session_id, answer_id

    def score_and_save(
        self,
        text: str,
        question: AskedQuestion,
        prompt: str,
        *,
        kind: str,
        session_id: int | None = None,
        followed: SavedAnswer | None = None,
        asked: tuple[str, ...] = (),
        delivery: dict[str, Any] | None = None,
    ) -> SavedAnswer:
        """Judge one answer (a follow-up reply together with the answer it follows)
        and store it: the one path practice, mock and recovery share."""
        before = followed.as_followed() if followed is not None else None
        seconds = (delivery or {}).get("duration_s")
        card, saved = self.judge(
            text, question.topic, question.id, before, asked, spoken_seconds=seconds
        )
        session_id, answer_id = self.save(
            card,
            saved,
            session_id=session_id,
            kind=kind,
            source="voice" if delivery is not None else "typed",
            question_text=prompt,
            delivery=delivery,
        )
        return SavedAnswer(card, saved, text, prompt, session_id, answer_id, delivery, followed)

    def refine_saved(
        self, saved: SavedAnswer, reply: str, delivery: dict[str, Any] | None
    ) -> SavedAnswer | None:
        """Re-score an answer a screen still holds with a better transcript and store
        both in place of the live ones: the same answer with its new card and what was
        stored (a follow-up reply is re-judged together with the answer it follows);
        None when it was deleted meanwhile."""
        followed = saved.followed.as_followed() if saved.followed is not None else None
        seconds = (delivery or {}).get("duration_s")
        card, text = self.judge(
            reply, saved.card.topic, saved.card.question_id, followed, spoken_seconds=seconds
        )
        if not self.store().replace_answer(saved.answer_id, card.to_json(), text, delivery):
            return None
        return replace(saved, card=card, text=text, reply=reply, delivery=delivery)

    def save_profile(self, profile: Profile) -> Path:
        """Write the profile atomically (owner-only) and start using it."""
        locations.ensure_data_dir()
        path = locations.profile_path()
        write_private(path, profile_to_toml(profile))
        self.profile, self.profile_file = profile, path
        return path

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _has_history() -> bool:
    """Whether a database exists to read weak topics from (a first run has none, and
    planning a mock must not create one)."""
    return locations.database_path().is_file()


@dataclass(frozen=True)
class SavedAnswer:
    """One stored answer as the screens keep it: the typed card, not its JSON."""

    card: ScoreCard
    text: str  # as saved: a follow-up reply joined to the answer it follows
    reply: str  # what was said or typed in this turn
    prompt: str  # the question or follow-up it answers
    session_id: int
    answer_id: int
    delivery: dict[str, Any] | None = None
    followed: SavedAnswer | None = None  # the answer a follow-up reply follows

    @property
    def is_follow_up(self) -> bool:
        return self.followed is not None

    def as_followed(self) -> dict[str, Any]:
        """The form ``Coach.judge`` takes for the answer a follow-up follows."""
        return {"answer": self.text, "card": self.card.to_json()}


def write_private(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file."""
    import os

    temporary = path.with_name(f".{path.name}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(f"Cannot write {path} ({exc.strerror}).") from exc
