"""Baseline: contacts to CSV from PostgreSQL with psycopg's COPY ... TO STDOUT.

    python export_pg_copy.py URL OUT [--consent-only] [--columns a,b,c] [--print-sql]

The same columns and rows as `export_stdlib.py` (its query, in PostgreSQL's words), written by
the server's own CSV output. URL: a libpq URL (`postgresql://...`, `?options=-csearch_path=S`
for a schema). `--print-sql` prints the query (the bench hands it to `psql \\copy`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_stdlib import DEFAULT, query


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--consent-only", action="store_true")
    parser.add_argument("--columns", default=DEFAULT)
    parser.add_argument("--print-sql", action="store_true")
    args = parser.parse_args()
    sql = query(args.columns.split(","), args.consent_only, postgresql=True)
    if args.print_sql:
        print(sql)
        return 0
    import psycopg

    copy_sql = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)"
    with (
        psycopg.connect(args.url) as con,
        open(args.out, "wb") as out,
        con.cursor().copy(copy_sql) as copy,
    ):
        for block in copy:
            out.write(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
