"""Refresh the translations from the code: crm_fr.ts is the file translators edit.

Run: .venv/bin/python resources/translations/update.py

1. `pyside6-lupdate` reads every `tr()` / `translate()` of crm/ui, the error templates of
   crm/domain/messages.py and the labels of crm/domain/fields.py and labels.py into
   crm_fr.ts and crm_en.ts. Translations already there are kept; strings that left the
   code are dropped (`-no-obsolete`), and new ones are added as "unfinished".
2. `pyside6-lrelease` compiles each .ts into the .qm the window loads.
3. Every unfinished string is listed, and the exit status is 1 if there is any: fill it in
   with Qt Linguist (`pyside6-linguist resources/translations/crm_fr.ts`) or a text editor,
   then run this again. English needs only its plural forms ("1 record", "2 records").
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
LANGUAGES = {"fr": [], "en": ["-pluralonly"]}


def sources() -> list[str]:
    """The files lupdate reads: the window, and the Qt-free texts it translates (the error
    templates, the field catalogue's labels, the closed vocabularies' labels)."""
    domain = ROOT / "crm" / "domain"
    texts = ("messages.py", "fields.py", "labels.py")
    files = [*(ROOT / "crm" / "ui").rglob("*.py"), *(domain / name for name in texts)]
    return sorted(str(p.relative_to(ROOT)) for p in files)


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """The messages of a .ts file by (context, source, comment)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def unfinished(ts: Path) -> list[str]:
    """'context: source' of each message still waiting for its translation."""
    return [
        f"{context or '(no context)'}: {source}"
        for (context, source, _), message in messages(ts).items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]


def extract(ts: Path, lang: str) -> list[str]:
    """Bring `ts` up to date with the code; returns the sources of the dropped messages."""
    before = set(messages(ts)) if ts.exists() else set()
    subprocess.run(
        [BIN / "pyside6-lupdate", *sources(), "-ts", str(ts), "-no-obsolete",
         "-locations", "none", *LANGUAGES[lang]],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return sorted(f"{c or '(no context)'}: {s}" for c, s, _ in before - set(messages(ts)))


def release(ts: Path, qm: Path | None = None) -> None:
    """Compile `ts` into `qm` (by default the .qm beside it)."""
    target = ["-qm", str(qm)] if qm is not None else []
    subprocess.run([BIN / "pyside6-lrelease", str(ts), *target], check=True, capture_output=True)


def main() -> int:
    waiting = 0
    for lang in LANGUAGES:
        ts = HERE / f"crm_{lang}.ts"
        for line in extract(ts, lang):
            print(f"dropped from crm_{lang}.ts (no longer in the code): {line}", file=sys.stderr)
        release(ts)
        missing = unfinished(ts)
        for line in missing:
            print(f"unfinished in crm_{lang}.ts: {line}", file=sys.stderr)
        waiting += len(missing)
    if waiting:
        print(f"{waiting} string(s) to translate; see above.", file=sys.stderr)
    return 1 if waiting else 0


if __name__ == "__main__":
    sys.exit(main())
