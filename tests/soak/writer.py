"""One soak writer: `python -m tests.soak.writer SETUP INDEX SECONDS SEED JOURNAL`.

It opens the database named in SETUP (written by `run.prepare`) and, until SECONDS have
passed, does one user action after another, chosen at random (seeded): the same calls the
window makes, each in its own transaction, an edit always with the version read before it
in an earlier transaction (what an editor does). Every change it committed and every refusal
it saw goes to JOURNAL, one JSON object a line:

    {"op": "edit", "kind": "contact", "id": 3, "read": 4, "version": 5, "values": {...}}
    {"op": "refused", "what": "edit", "kind": "contact", "id": 3, "code": "StaleRecord"}

Anything else raised is a bug: its traceback goes to stderr (the checker counts them) and
the writer goes on.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crm.db.database import Database
from crm.db.migrate import open_database
from crm.domain.enums import IntroductionOutcome, IntroductionStage
from crm.domain.errors import DeskError, StaleRecord, StorageFailure

# Refusals a person can meet when colleagues write at the same time: each is a sentence
# the window shows, and the writer records it. `WorkflowWarnings` never comes (all warnings
# are accepted, as a user confirming them would).
EDITED = ("title", "notes", "last_name")
STAGES = [s.value for s in IntroductionStage]
MOVED = re.compile(r"from (\S+) to (\S+)\.$")  # the end of the line: a title may say "from"


def refusal_code(exc: BaseException) -> str:
    if isinstance(exc, StaleRecord | StorageFailure):
        return type(exc).__name__
    if isinstance(exc, DeskError):
        return exc.code or type(exc).__name__
    raise exc


class Writer:
    def __init__(self, setup: dict[str, Any], index: int, seed: int, journal: Path) -> None:
        self.setup = setup
        self.index = index
        self.rng = random.Random(f"{seed}:{index}")
        self.db: Database = open_database(setup["url"], migrate=False, create=False)
        self.journal = journal.open("a", encoding="utf-8", buffering=1)
        self.folder = journal.parent / f"w{index}"
        self.folder.mkdir(exist_ok=True)
        self.contacts = [int(i) for i in setup["contacts"]]
        self.intros = [int(i) for i in setup["introductions"]]
        self.organizations = [int(i) for i in setup["organizations"]]
        self.own: list[int] = []  # contacts this writer made, live
        # The values the edit under way tries to save: a refusal notes them, and the checker
        # makes sure that they were not written all the same.
        self.attempt: dict[str, Any] = {}
        self.counter = 0
        with self.db.read() as session:
            from crm.services import users

            self.actor = users.by_name(session, setup["users"][index]).id

    def note(self, **entry: Any) -> None:
        # When (the wall clock): to put the writers' journals side by side when looking into one.
        entry["at"] = round(time.time(), 4)
        self.journal.write(json.dumps(entry, default=str) + "\n")

    def unique(self) -> str:
        self.counter += 1
        return f"w{self.index}n{self.counter}"

    # ------------------------------------------------------------------ the actions

    def create(self) -> None:
        from crm.services import contacts

        tag = self.unique()
        values = {
            "first_name": "Soak",
            "last_name": f"Écrivain {tag}",
            "email": f"{tag}@soak.example",
        }
        with self.db.write() as session:
            obj = contacts.service.create(session, self.actor, values)
            record_id, version, uid = obj.id, obj.version, obj.uid
            stored = {f: getattr(obj, f) for f in EDITED}
        self.own.append(record_id)
        self.note(op="create", kind="contact", id=record_id, uid=uid, version=version,
                  values=stored)  # fmt: skip

    def edit(self, shared: bool) -> None:
        from crm.services import contacts

        pool = self.contacts if shared else self.own
        if not pool:
            return self.create()
        record_id = self.rng.choice(pool)
        with self.db.read() as session:
            obj = contacts.service.get(session, record_id)
            read, last_name, uid = obj.version, obj.last_name, obj.uid
        tag = self.unique()
        fields = self.rng.sample(EDITED, self.rng.randint(1, len(EDITED)))
        changes = {
            "title": f"Titre {tag}",
            "notes": f"Note {tag} à revoir",
            "last_name": f"{last_name.split(' ~')[0]} ~{tag}",
        }
        changes = {f: changes[f] for f in fields}
        self.attempt = {"kind": "contact", "id": record_id, "values": changes}
        self.thinking()
        with self.db.write() as session:
            obj = contacts.service.update(
                session, self.actor, record_id, changes, expected_version=read
            )
            version = obj.version
            stored = {f: getattr(obj, f) for f in fields}
        self.note(op="edit", kind="contact", id=record_id, uid=uid, read=read, version=version,
                  values=stored)  # fmt: skip

    def rename_organization(self) -> None:
        """An organization renamed: its contacts' and introductions' search entries follow."""
        from crm.services import organizations

        record_id = self.rng.choice(self.organizations)
        with self.db.read() as session:
            obj = organizations.service.get(session, record_id)
            read, name, uid = obj.version, obj.name, obj.uid
        tag = self.unique()
        changes = {"name": f"{name.split(' ~')[0]} ~{tag}"}
        if self.rng.random() < 0.5:
            changes["notes"] = f"Note {tag} à revoir"
        self.attempt = {"kind": "organization", "id": record_id, "values": changes}
        self.thinking()
        with self.db.write() as session:
            obj = organizations.service.update(
                session, self.actor, record_id, changes, expected_version=read
            )
            version, stored = obj.version, {f: getattr(obj, f) for f in changes}
        self.note(op="edit", kind="organization", id=record_id, uid=uid, read=read,
                  version=version, values=stored)  # fmt: skip

    def edit_introduction(self) -> None:
        from crm.services import introductions

        record_id = self.rng.choice(self.intros)
        with self.db.read() as session:
            read = introductions.service.get(session, record_id).version
        changes = {"notes": f"Note {self.unique()} à revoir"}
        self.attempt = {"kind": "introduction", "id": record_id, "values": changes}
        self.thinking()
        with self.db.write() as session:
            obj = introductions.service.update(
                session, self.actor, record_id, changes, expected_version=read
            )
            version, stored = obj.version, {"notes": obj.notes}
        self.note(op="edit", kind="introduction", id=record_id, read=read, version=version,
                  values=stored)  # fmt: skip

    def trash(self, shared: bool) -> None:
        from crm.services import contacts

        pool = self.contacts if shared else self.own
        if not pool:
            return self.create()
        record_id = self.rng.choice(pool)
        with self.db.read() as session:
            obj = contacts.service.get(session, record_id)
            read, uid = obj.version, obj.uid
        self.thinking()
        with self.db.write() as session:
            version = contacts.service.delete(
                session, self.actor, record_id, expected_version=read
            ).version
        self.note(op="trash", kind="contact", id=record_id, uid=uid, read=read, version=version)
        if not shared:
            self.own.remove(record_id)
            self.purge(record_id, uid)

    def restore(self) -> None:
        from crm.services import contacts

        record_id = self.rng.choice(self.contacts)
        with self.db.read() as session:
            obj = contacts.service.get(session, record_id, include_deleted=True)
            read, deleted, uid = obj.version, obj.deleted_at is not None, obj.uid
        if not deleted:
            return self.edit(shared=True)
        self.thinking()
        with self.db.write() as session:
            version = contacts.service.restore(
                session, self.actor, record_id, expected_version=read
            ).version
        self.note(op="restore", kind="contact", id=record_id, uid=uid, read=read,
                  version=version)  # fmt: skip

    def purge(self, record_id: int, uid: str) -> None:
        from crm.services import contacts

        with self.db.write() as session:
            contacts.service.purge(session, self.actor, record_id)
        self.note(op="purge", kind="contact", id=record_id, uid=uid)

    def move(self) -> None:
        from crm.services import introductions, stages

        record_id = self.rng.choice(self.intros)
        with self.db.read() as session:
            obj = introductions.service.get(session, record_id)
            read, stage = obj.version, obj.stage.value
        to = self.rng.choice([s for s in STAGES if s != stage])
        outcome = IntroductionOutcome.PARTNERSHIP if to == "closed" else None
        self.thinking()
        with self.db.write() as session:
            moved = stages.move_with_followups(
                session, self.actor, record_id, to, outcome=outcome,
                accepted_warnings=stages.WARNING_CODES, expected_version=read,
            )  # fmt: skip
        self.note(op="move", kind="introduction", id=record_id, read=read,
                  version=moved.version, before=stage, to=to)  # fmt: skip

    def move_by_command(self) -> None:
        record_id = self.rng.choice(self.intros)
        to = self.rng.choice(STAGES)
        extra = ["--outcome", "partnership"] if to == "closed" else []
        args = [self.setup["uids"][str(record_id)], to, "--accept-warnings", "--followups", "none"]
        run = self.crm(["move", *args, *extra])
        if run is None:
            return
        found = MOVED.search(run.splitlines()[0] if run else "")
        if found is None:
            raise AssertionError(f"crm move said {run!r}")
        before, after = found.groups()
        self.note(op="move", kind="introduction", id=record_id, version=None, before=before,
                  to=after, via="crm", said=run.strip())  # fmt: skip

    def import_file(self, by_command: bool) -> None:
        from crm.services import csv_import

        tags = [self.unique() for _ in range(self.rng.randint(1, 4))]
        path = self.folder / f"{tags[0]}.csv"
        lines = ["first_name,last_name,email,city"]
        lines += [f"Import,Fichier {t},{t}@import.example,Québec" for t in tags]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        emails = [f"{t}@import.example" for t in tags]
        if by_command:
            if self.crm(["import", "contacts", str(path)]) is None:
                return
        else:
            with self.db.write() as session:
                done = csv_import.run(session, self.actor, "contacts", csv_import.read_source(path))
            created = done.counts()["created"]
            if created != len(tags):
                raise AssertionError(f"{path.name}: {done.counts()}")
        self.note(op="import", kind="contact", emails=emails,
                  via="crm" if by_command else "service")  # fmt: skip

    # ------------------------------------------------------------------ the loop

    def thinking(self) -> None:
        """A pause between reading and saving, as a person typing: a colleague may save first."""
        time.sleep(self.rng.uniform(0, 0.1))

    def crm(self, args: list[str]) -> str | None:
        """Run the `crm` command; its stdout when it succeeded, None when it refused (noted)."""
        where = ["--database-url", self.setup["url"]] if "://" in self.setup["url"] else []
        if self.setup["url"].startswith("sqlite:///"):
            where = ["--db", self.setup["url"].removeprefix("sqlite:///")]
        user = ["--user", self.setup["users"][self.index]]
        done = subprocess.run(
            [sys.executable, "-m", "crm.cli", *where, *user, *args],
            capture_output=True, text=True, env=os.environ, timeout=300,
        )  # fmt: skip
        if "Traceback (most recent call last)" in done.stderr:
            sys.stderr.write(f"crm {' '.join(args)}:\n{done.stderr}")
            self.note(op="error", what=f"crm {args[0]}", error=done.stderr.strip()[-300:])
            return None
        if done.returncode != 0:
            code = "StorageFailure" if " is busy" in done.stderr else "refused"
            self.note(op="refused", what=f"crm {args[0]}", code=code,
                      message=done.stderr.strip()[-300:])  # fmt: skip
            return None
        return done.stdout

    def act(self, seconds: float) -> None:
        actions: list[tuple[int, Callable[[], None], str]] = [
            (4, self.create, "create"),
            (12, lambda: self.edit(shared=True), "edit"),
            (4, lambda: self.edit(shared=False), "edit"),
            (8, self.move, "move"),
            (3, self.edit_introduction, "edit"),
            (3, self.rename_organization, "edit"),
            (int(os.environ.get("SOAK_CLI_MOVES", "1")), self.move_by_command, "crm move"),
            (2, lambda: self.import_file(by_command=False), "import"),
            (1, lambda: self.import_file(by_command=True), "crm import"),
            (2, lambda: self.trash(shared=True), "trash"),
            (2, lambda: self.trash(shared=False), "trash"),
            (3, self.restore, "restore"),
        ]
        weights = [w for w, _, _ in actions]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            _, action, what = self.rng.choices(actions, weights)[0]
            self.attempt = {}
            try:
                action()
            except (StaleRecord, StorageFailure, DeskError) as exc:
                self.note(op="refused", what=what, code=refusal_code(exc), message=str(exc),
                          **self.attempt)  # fmt: skip
            except Exception as exc:  # a bug: the traceback is the report
                traceback.print_exc()
                self.note(op="error", what=what, error=repr(exc))
        self.db.close()
        self.journal.close()


def main(argv: list[str]) -> int:
    setup_file, index, seconds, seed, journal = argv
    setup = json.loads(Path(setup_file).read_text(encoding="utf-8"))
    Writer(setup, int(index), int(seed), Path(journal)).act(float(seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
