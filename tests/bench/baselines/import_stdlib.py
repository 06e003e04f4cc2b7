"""Baseline: contacts from CSV into an empty desk database with the standard library only.

    python import_stdlib.py DB FILE

Reads the file with `csv.DictReader`, creates each organization named in it once (by name),
and inserts every contact row in one transaction with the columns the schema requires (new
uid, timestamps, folded name, lower-case email). No validation, no duplicate checks, no
search index: the plain floor the desk's import is compared to.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import unicodedata
import uuid
from datetime import UTC, datetime


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def main() -> int:
    db, path = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA journal_mode=WAL")
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    con.execute("BEGIN IMMEDIATE")
    organizations: dict[str, int] = {}
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as source:
        for rec in csv.DictReader(source):
            org_name = (rec.get("organization") or "").strip()
            org_id = None
            if org_name:
                org_id = organizations.get(org_name)
                if org_id is None:
                    org_id = con.execute(
                        "INSERT INTO organizations (name, name_folded, kind, territory, membership,"
                        " website, website_domain, phone, address, city, region, postal_code,"
                        " country, therapeutic_areas, notes, uid, created_at, updated_at, version)"
                        " VALUES (?, ?, 'other', 'OTHER', 'none', '', '', '', '', '', '', '', '',"
                        " '', '', ?, ?, ?, 1)",
                        (org_name, fold(org_name), str(uuid.uuid4()), now, now),
                    ).lastrowid
                    organizations[org_name] = org_id
            first, last = rec.get("first_name") or "", rec.get("last_name") or ""
            email = rec.get("email") or ""
            rows.append((
                first, last, fold(f"{first} {last}"), rec.get("title") or "", org_id, email,
                email.lower(), rec.get("phone") or "", rec.get("language") or "en",
                rec.get("city") or "", rec.get("region") or "", rec.get("country") or "",
                rec.get("territory") or "OTHER", rec.get("share_with_partners") or "unknown",
                rec.get("notes") or "", rec.get("uid") or str(uuid.uuid4()), now, now,
            ))  # fmt: skip
    con.executemany(
        "INSERT INTO contacts (first_name, last_name, name_folded, title, organization_id, email,"
        " email_lower, phone, mobile, language, city, region, country, territory,"
        " share_with_partners, consent_source, do_not_contact, notes, uid, created_at,"
        " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, '', 0, ?,"
        " ?, ?, ?, 1)",
        rows,
    )
    con.execute("COMMIT")
    con.close()
    print(len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
