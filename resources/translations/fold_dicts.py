"""One-off: fold the French still kept in fr_*.py dictionaries into crm_fr.ts (and crm_en.ts).

Until issue 11, French was typed into fr_<area>.py files (dicts FR, PLURALS, PLURALS_EN,
FR_IN keyed by (context, source)) that regenerated the .ts. Branches cut before that may
still bring such files (or changes to the deleted ones: keep their version of the file when
merging). After the merge run:

    .venv/bin/python resources/translations/fold_dicts.py

It updates the .ts from the code (update.py), fills every message a dictionary names, as the
old update.py did (a dictionary entry wins, so a branch's changed French is kept; each change
of an existing translation is printed), rebuilds the .qm and lists what is still unfinished
(exit status 1 then). Then delete the fr_*.py files and this script.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import update  # the sibling script

# Where the old update.py gave one English word another French by context: a plain FR entry
# never reached these messages.
CONTEXTUAL = {
    ("Labels", "Open"),
    ("Labels", "Closed"),
    ("Labels", "Organization"),
    ("Headers", "Kind"),
    ("Labels", "Email"),
    ("Labels", "Meeting"),
}


def load(folder: Path) -> dict[str, dict]:
    """The dictionaries of every fr_*.py in `folder`, merged in name order (later wins)."""
    merged: dict[str, dict] = {"FR": {}, "FR_IN": {}, "PLURALS": {}, "PLURALS_EN": {}}
    for path in sorted(folder.glob("fr_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, table in merged.items():
            table.update(getattr(module, name, {}))
    return merged


def wanted(dicts: dict[str, dict], lang: str, context: str, source: str, numerus: bool):
    """The dictionaries' translation of one message: a string, a tuple of plural forms, or None."""
    if numerus:
        return dicts["PLURALS" if lang == "fr" else "PLURALS_EN"].get(source)
    if lang != "fr":
        return None
    if (context, source) in dicts["FR_IN"]:
        return dicts["FR_IN"][(context, source)]
    if (context, source) in CONTEXTUAL:
        return None
    return dicts["FR"].get(source)


def fold(ts: Path, lang: str, dicts: dict[str, dict]) -> list[str]:
    """Write the dictionaries' translations into `ts`; returns the existing ones it changed."""
    tree = ET.parse(ts)
    changed = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            numerus = message.get("numerus") == "yes"
            if message.findtext("comment"):
                continue  # a disambiguated message: the .ts already holds its own French
            text = wanted(dicts, lang, name, source, numerus)
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            forms = [f.text for f in translation.findall("numerusform")]
            before = tuple(forms) if numerus else translation.text
            done = translation.get("type") != "unfinished"
            if done and before == (tuple(text) if numerus else text):
                continue
            if done:
                changed.append(f"{name or '(no context)'}: {source}: {before!r} -> {text!r}")
            if numerus:
                for child in list(translation):
                    translation.remove(child)
                for form in text:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def main() -> int:
    dicts = load(update.HERE)
    waiting = 0
    for lang in update.LANGUAGES:
        ts = update.HERE / f"crm_{lang}.ts"
        update.extract(ts, lang)
        for line in fold(ts, lang, dicts):
            print(f"changed in crm_{lang}.ts: {line}", file=sys.stderr)
        update.extract(ts, lang)  # back to lupdate's own layout
        update.release(ts)
        missing = update.unfinished(ts)
        for line in missing:
            print(f"unfinished in crm_{lang}.ts: {line}", file=sys.stderr)
        waiting += len(missing)
    return 1 if waiting else 0


if __name__ == "__main__":
    sys.exit(main())
