"""Seeded random CSV files through `crm import contacts FILE` end to end (the command's own
`main`, in this process, so a few hundred files take seconds).

Every file: no traceback, exit 0 or a refusal (1); with `--dry-run` nothing changes; a real
import adds exactly what its report says or, refused, nothing. (Helper 7's hypothesis fuzz
covers the reader itself; this drives the whole command.)
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from crm.cli import main
from tests.faults.common import Ledger, Run, counts, integrity
from tests.faults.conftest import Templates

HEADERS = ["first_name", "last_name", "email", "city", "organization", "tags", "notes", "phone",
           "territory", "language", "share_with_partners", "uid"]  # fmt: skip
WORDS = ["Marie", "Gagnon", "Québec", "Montréal", "Cœur", "O'Brien", "Zoë", "São Paulo", "naïve",
         "BIO", "Boston", "=1+1", "@SUM(A1)", "-2", "+33", "\"quoted\"", "a,b", "x;y", "tab\there",
         "line\nbreak", "", " ", "ünïcödé", "日本", "🙂", "-", "?", "…", "oncologie; CRO"]  # fmt: skip


def cell(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return "x" * rng.randrange(1, 5000)
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(0, 3)))


def quote(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', "\n", "\r")) or value != value.strip():
        return '"' + value.replace('"', '""') + '"'
    return value


def valid_text(rng: random.Random) -> tuple[str, str, str]:
    """(text, delimiter, line end) of a well-formed CSV of contacts."""
    delimiter = rng.choice([",", ";", "\t"])
    end = rng.choice(["\n", "\r\n"])
    headers = rng.sample(HEADERS, rng.randrange(2, len(HEADERS)))
    if "last_name" not in headers:
        headers[0] = "last_name"
    lines = [delimiter.join(headers)]
    for i in range(rng.randrange(0, 40)):
        row = [cell(rng) for _ in headers]
        row[headers.index("last_name")] = f"Nom{i}{rng.randrange(10**6)}"
        if "email" in headers and rng.random() < 0.7:
            row[headers.index("email")] = f"p{i}.{rng.randrange(10**9)}@fuzz.example"
        lines.append(delimiter.join(quote(v, delimiter) for v in row))
    return end.join(lines) + end, delimiter, end


def encode(text: str, rng: random.Random) -> bytes:
    encoding = rng.choice(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
    return text.encode(encoding, errors="replace")


def gen_valid(rng: random.Random) -> bytes:
    return encode(valid_text(rng)[0], rng)


def gen_mutated(rng: random.Random) -> bytes:
    data = bytearray(encode(valid_text(rng)[0], rng))
    for _ in range(rng.randrange(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        kind = rng.randrange(5)
        if kind == 0:
            data[at] = rng.randrange(256)
        elif kind == 1:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif kind == 2:
            del data[at : at + rng.randrange(1, 64)]
        elif kind == 3:
            data[at:at] = rng.choice([b'"', b"\0", b"\r", b"\xef\xbb\xbf", b"\xff\xfe", b"\xc3"])
        else:
            del data[at:]
    return bytes(data)


def gen_cr_only(rng: random.Random) -> bytes:
    text, _delimiter, end = valid_text(rng)
    return text.replace(end, "\r").encode("cp1252", errors="replace")


def gen_binary(rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))


def gen_utf16_cut(rng: random.Random) -> bytes:
    data = valid_text(rng)[0].encode("utf-16")
    return data[: max(3, rng.randrange(len(data))) | 1]  # an odd length: half a character


def gen_hostile(rng: random.Random) -> bytes:
    """Many columns, duplicate headers, tags that fold to nothing, formula-looking cells."""
    width = rng.choice([2, 3, 60, 300])
    headers = ["last_name", "tags"] + [
        rng.choice([*HEADERS, "Nom", "?", ""]) for _ in range(width - 2)
    ]
    rows = [",".join(headers)]
    for i in range(rng.randrange(1, 20)):
        values = [
            f"Nom{i}",
            rng.choice(["-", "?", "…", "🙂", "; ;", "=cmd|' /C calc'!A0", "oncology"]),
        ]
        values += [quote(cell(rng), ",") for _ in range(width - 2)]
        rows.append(",".join(values))
    return ("\n".join(rows) + "\n").encode("utf-8")


FAMILIES: dict[str, tuple[Callable[[random.Random], bytes], list[pytest.MarkDecorator]]] = {
    "valid": (gen_valid, []),
    "mutated": (gen_mutated, []),
    "cr_only": (gen_cr_only, []),
    "binary": (gen_binary, []),
    "utf16_cut": (gen_utf16_cut, []),
    "hostile": (gen_hostile, []),
}


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    try:
        status: int | None = main(args)
    except SystemExit as exc:  # argparse: a usage error is a sentence too
        status = int(exc.code or 0)
    except BaseException as exc:
        out, err = capsys.readouterr()
        return Run(
            1, out, f"{err}\nTraceback (most recent call last):\n{exc.__class__.__name__}: {exc}"
        )
    out, err = capsys.readouterr()
    return Run(status, out, err)


@pytest.mark.parametrize(
    "family", [pytest.param(name, marks=marks) for name, (_g, marks) in FAMILIES.items()]
)
def test_fuzzed_csv_through_the_import_command(family, templates: Templates, tmp_path: Path, rng,
                                               quick: bool, ledger: Ledger, capsys, monkeypatch):  # fmt: skip
    monkeypatch.setenv("CRM_USER", "mtremblay")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    generate = FAMILIES[family][0]
    db = templates.copy(templates.small, tmp_path / "desk.db")
    failures = []
    for number in range(12 if quick else 40):
        path = tmp_path / f"{family}-{number}.csv"
        path.write_bytes(generate(rng))
        real = number % 4 == 3  # every fourth file is imported for real
        before = counts(db)["contacts"]
        args = ["--db", str(db), "import", "contacts", str(path), "--json"]
        run = run_main(args if real else [*args, "--dry-run"], capsys)
        lost = []
        after = counts(db)["contacts"]
        if run.status == 0 and real:
            created = json.loads(run.stdout)["counts"].get("created", 0)
            if after - before != created:
                lost.append(
                    f"{path.name}: {after - before} contacts added, the report says {created}"
                )
        elif after != before:
            lost.append(f"{path.name}: {after - before} contacts added by a dry run or a refusal")
        if integrity(db) != "ok":
            lost.append(f"{path.name}: integrity")
        if run.traceback:
            failures.append(f"{path.name}: {run.stderr.strip().splitlines()[-1]}")
        ledger.record("sqlite", f"fuzz {family} {path.name}", run, lost)
        failures.extend(lost)
    assert not failures, "; ".join(failures[:10])  # each file is already in the ledger
