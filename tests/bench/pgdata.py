"""The PostgreSQL side of the bench: the server named by CRM_BENCH_DATABASE_URL, and the demo
data generated there once per N and seed.

    export CRM_BENCH_DATABASE_URL=postgresql+psycopg://crm:crm@localhost:5432/crm
    make bench ARGS='--database postgresql'

`pg_demo(n, seed)` returns a URL to the schema `bench_<n>_s<seed>` of that database, made by
`crm --database-url ... demo --scale N --seed S` when missing (about 4 minutes at 100,000
contacts) and then analysed. A finished schema is marked by its comment, so a run cut short
generates again. A new migration does not regenerate it: opening it migrates it, as opening
a team's database would. The role needs only to own the database (no superuser).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from tests.bench.common import CRM, ROOT, child_env, log

ENV = "CRM_BENCH_DATABASE_URL"
DONE = "crm bench demo data, complete"


def server_url() -> str:
    url = os.environ.get(ENV, "")
    if not url:
        raise RuntimeError(f"--database postgresql needs {ENV} (a PostgreSQL URL)")
    return url


def schema_url(schema: str) -> str:
    return (
        sa.engine.make_url(server_url())
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )


def pg_demo(n: int, seed: int) -> str:
    """The URL of the cached `crm demo --scale n --seed seed` schema, made when missing."""
    schema = f"bench_{n}_s{seed}"
    admin = sa.create_engine(server_url())
    try:
        with admin.begin() as conn:
            comment = conn.execute(
                sa.text(
                    "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace"
                    " WHERE nspname = :s"
                ),
                {"s": schema},
            ).scalar()
            if comment == DONE:
                return schema_url(schema)
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        url = schema_url(schema)
        log(f"generating {n:,} contacts (seed {seed}) into PostgreSQL schema {schema} ...")
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as settings:
            done = subprocess.run(
                [*CRM, "--database-url", url, "demo", "--scale", str(n), "--seed", str(seed)],
                env=child_env(Path(settings)),
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
        if done.returncode != 0:
            raise RuntimeError(f"crm demo failed: {done.stderr.strip()[-2000:]}")
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # The planner's statistics, as autovacuum would gather them in a while.
            tables = conn.execute(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}
            ).scalars()
            for table in list(tables):
                conn.exec_driver_sql(f'VACUUM ANALYZE {schema}."{table}"')
            conn.exec_driver_sql(f"COMMENT ON SCHEMA {schema} IS '{DONE}'")
        log(f"generated in {time.monotonic() - started:.1f} s")
        return url
    finally:
        admin.dispose()
