"""Baseline: contacts to CSV with nothing but the standard library (sqlite3 + csv).

    python export_stdlib.py DB OUT [--consent-only] [--columns a,b,c] [--print-sql]

Writes the contact columns a partner file holds (the desk's default export columns), one
row per live contact in id order, tags joined with "; ". `--consent-only` keeps the contacts
who agreed to be shared (what `crm export` does by default). `--print-sql` prints the query
(the bench hands it to the `sqlite3` shell for the physical floor).
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys

DEFAULT = (
    "uid,first_name,last_name,email,phone,title,organization,city,region,country,territory,"
    "language,share_with_partners,tags,notes"
)
SPECIAL = {
    "organization": "o.name",
    "organization_uid": "o.uid",
    "tags": "(SELECT group_concat(t.name, '; ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
    " WHERE ct.contact_id = c.id)",
}


def query(columns: list[str], consent_only: bool, *, postgresql: bool = False) -> str:
    """The export query; `postgresql`: in PostgreSQL's words (string_agg, booleans)."""
    special = dict(SPECIAL)
    if postgresql:
        special["tags"] = special["tags"].replace("group_concat(", "string_agg(")
    exprs = ", ".join(f"{special.get(c, 'c.' + c)} AS {c}" for c in columns)
    where = "c.deleted_at IS NULL"
    if consent_only:
        no = "false" if postgresql else "0"
        where += f" AND c.share_with_partners = 'yes' AND c.do_not_contact = {no}"
    return (
        f"SELECT {exprs} FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id"
        f" WHERE {where} ORDER BY c.id"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--consent-only", action="store_true")
    parser.add_argument("--columns", default=DEFAULT)
    parser.add_argument("--print-sql", action="store_true")
    args = parser.parse_args()
    columns = args.columns.split(",")
    sql = query(columns, args.consent_only)
    if args.print_sql:
        print(sql)
        return 0
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    with open(args.out, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(con.execute(sql))
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
