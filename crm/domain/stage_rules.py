"""The stage order of an introduction and the follow-ups a move forward suggests: plain
rules, no database (`crm.services.stages` applies them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from crm.domain.enums import IntroductionStage

STAGES: tuple[IntroductionStage, ...] = tuple(IntroductionStage)
# An open introduction with no stage change for this many days is stalled (the board's queue).
DEFAULT_STALLED_DAYS = 30


def stage_index(stage: IntroductionStage | str) -> int:
    return STAGES.index(IntroductionStage(stage))


@dataclass(frozen=True)
class Suggestion:
    """A follow-up worth offering after a move: `code` names it for translation."""

    code: str
    title: str
    days: int

    def due(self, today: date) -> date:
        return today + timedelta(days=self.days)


SUGGESTIONS: dict[IntroductionStage, tuple[Suggestion, ...]] = {
    IntroductionStage.ASKED: (Suggestion("check_answers", "Check both answers", 5),),
    IntroductionStage.BOTH_AGREED: (
        Suggestion("send_introduction", "Send the introduction email", 2),
    ),
    IntroductionStage.INTRODUCED: (Suggestion("check_in", "Check in with both parties", 14),),
    IntroductionStage.MEETING_HELD: (Suggestion("ask_outcome", "Ask about the outcome", 30),),
}


def suggestions(
    from_stage: IntroductionStage | str | None, to_stage: IntroductionStage | str
) -> list[Suggestion]:
    """Follow-ups to offer when an introduction moves (forward) to `to_stage`."""
    to_stage = IntroductionStage(to_stage)
    if from_stage is not None and stage_index(to_stage) <= stage_index(from_stage):
        return []
    return list(SUGGESTIONS.get(to_stage, ()))
