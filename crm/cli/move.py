"""`crm move`: an introduction to another stage, through the stage rules, with the follow-ups
the window suggests (`crm.services.stages.move_with_followups`, as the board does it)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from crm.cli.common import actor_id, err

if TYPE_CHECKING:
    from crm.db.database import Database


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`crm move ...`: an introduction to another stage, as the board does it."""
    from crm.domain.enums import IntroductionOutcome, IntroductionStage

    move = commands.add_parser(
        "move", help="move an introduction to another stage, through the stage rules"
    )
    move.add_argument(
        "introduction",
        metavar="INTRODUCTION",
        help="its uid, or its number as `crm search` shows it",
    )
    move.add_argument(
        "stage",
        choices=[s.value for s in IntroductionStage],
        metavar="STAGE",
        help="one of: " + ", ".join(s.value for s in IntroductionStage),
    )
    move.add_argument(
        "--outcome",
        choices=[o.value for o in IntroductionOutcome],
        metavar="OUTCOME",
        help="needed to close: " + ", ".join(o.value for o in IntroductionOutcome),
    )
    move.add_argument("--note", default="", help="a note for the stage history")
    move.add_argument(
        "--accept-warnings",
        action="store_true",
        help="move even past the warnings (same side, already introduced, consent missing)",
    )
    move.add_argument(
        "--followups",
        choices=("suggested", "none"),
        default="suggested",
        help="add the follow-ups the window suggests for this stage (the default), or none",
    )


def cmd_move(db: Database, args: argparse.Namespace) -> int:
    from datetime import date

    from crm.services import stages

    if args.stage == "closed" and not args.outcome:
        err("closing an introduction needs its outcome: add --outcome (e.g. --outcome partnership)")
        return 2
    actor = actor_id(db, args.user)
    try:
        with db.write() as session:
            record_id = stages.find_introduction(session, args.introduction)
            asked = stages.move_questions(
                session, actor, record_id, args.stage, outcome=args.outcome
            )
            kept = [] if args.followups == "none" else asked.suggestions
            moved = stages.move_with_followups(
                session, actor, record_id, args.stage, outcome=args.outcome, note=args.note,
                accepted_warnings=stages.WARNING_CODES if args.accept_warnings else (),
                followups=[(x.title, x.due(date.today()), None) for x in kept],
            )  # fmt: skip
    except stages.WorkflowWarnings as exc:
        reasons = "; ".join(w.message for w in exc.warnings)
        err(f"'{args.introduction}' was not moved: {reasons}. "
            "If that is right, run the command again with --accept-warnings.")  # fmt: skip
        return 1
    print(f"Moved “{moved.label}” from {moved.before.stage} to {moved.to_stage}.")
    for title, due in ((x.title, x.due(date.today())) for x in kept):
        print(f"Follow-up added: {title} (due {due.isoformat()}).")
    return 0
