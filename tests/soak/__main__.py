"""`make soak ARGS='--database sqlite|postgresql --writers 8 --seconds 60'`: see tests/soak."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from tests.soak.run import soak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.soak", description=__doc__)
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql"), action="append",
        help="the database to soak (repeatable; default: SQLite, and PostgreSQL when a server "
        "is named)",
    )  # fmt: skip
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument(
        "--database-url", default=os.environ.get("CRM_TEST_DATABASE_URL", ""),
        help="the PostgreSQL server (default: CRM_TEST_DATABASE_URL); a private schema is "
        "made there and dropped after",
    )  # fmt: skip
    parser.add_argument(
        "--keep",
        metavar="FOLDER",
        help="keep the journals and writers' output in FOLDER, and the PostgreSQL schema",
    )
    args = parser.parse_args(argv)
    kinds = args.database or (["sqlite", "postgresql"] if args.database_url else ["sqlite"])
    ok = True
    with tempfile.TemporaryDirectory(prefix="crm-soak-") as scratch:
        root = Path(args.keep) if args.keep else Path(scratch)
        for kind in kinds:
            print(f"soak {kind}: {args.writers} writers for {args.seconds:g} s ...", flush=True)
            report = soak(kind, root / kind, writers=args.writers, seconds=args.seconds,
                          seed=args.seed, server_url=args.database_url, keep=bool(args.keep))  # fmt: skip
            print("\n".join(report.lines()), flush=True)
            ok = ok and report.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
