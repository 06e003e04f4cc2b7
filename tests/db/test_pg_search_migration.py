"""Migration 0006: on PostgreSQL, the stored search vectors and their GIN indexes, the folded
copies of the text list filters fold (kept by the server), and the (column, id) indexes of
the list sorts; on SQLite, nothing at all."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from crm.db import migrate
from crm.db.folding import folded
from crm.db.migrate import open_database
from crm.services import followups, organizations, users

PG_ONLY_INDEXES = {
    "ix_search_entries_search_tsv",
    "ix_search_entries_title_tsv",
    "ix_pg_contacts_territory_id",
    "ix_pg_followups_status_id",
}


def _indexes(conn: sa.Connection, table: str) -> set[str]:
    return {i["name"] for i in sa.inspect(conn).get_indexes(table)}


def _columns(conn: sa.Connection, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def test_on_postgresql_the_server_keeps_vectors_and_folded_text(pg_schema_url):
    db = open_database(pg_schema_url)
    try:
        with db.engine.connect() as conn:
            indexes = _indexes(conn, "search_entries") | _indexes(conn, "contacts")
            indexes |= _indexes(conn, "followups")
            assert indexes >= PG_ONLY_INDEXES
            assert "ix_search_entries_tsv" not in indexes  # 0001's, replaced
            assert {"search_tsv", "title_tsv"} <= _columns(conn, "search_entries")
            assert "title_pg_folded" in _columns(conn, "followups")
        with db.write() as session:
            actor = users.service.create(session, None, {"name": "mtremblay"}).id
            org = organizations.service.create(
                session, actor, {"name": "Cœur Vital", "city": "Saint-Jérôme"}
            )
            followups.service.create(session, actor, {"title": "Relancer l'ŒUVRE d'O'Brien"})
        with db.engine.connect() as conn:
            city = conn.exec_driver_sql(
                "SELECT city_pg_folded FROM organizations WHERE id = %s", (org.id,)
            ).scalar()
            title = conn.exec_driver_sql("SELECT title_pg_folded FROM followups").scalar()
            vector = conn.exec_driver_sql(
                "SELECT title_tsv::text FROM search_entries WHERE kind = 'organization'"
            ).scalar()
        assert city == "saint-jerome"
        assert title == "relancer loeuvre dobrien"
        assert vector == "'coeur':1 'vital':2"
        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0005")  # the one before 0006
        with db.engine.connect() as conn:
            assert "ix_search_entries_tsv" in _indexes(conn, "search_entries")
            assert not PG_ONLY_INDEXES & _indexes(conn, "search_entries")
            assert "title_pg_folded" not in _columns(conn, "followups")
    finally:
        db.close()


def test_on_sqlite_it_changes_nothing(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    try:
        with db.engine.begin() as conn:
            at_head = conn.exec_driver_sql(schema).all()
            command.downgrade(migrate.alembic_config(conn), "0005")  # the one before 0006
            assert conn.exec_driver_sql(schema).all() == at_head
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                "0005"
            )
    finally:
        db.close()


def test_ascii_text_folds_as_fold_does(db):
    """PostgreSQL folds ASCII text with a short table (apostrophes only), the rest in full."""
    with db.read() as session:
        for text, expected in (
            ("O'Brien Sons", "obrien sons"),
            ("MONTREAL `x`", "montreal x"),
            ("Montréal", "montreal"),
            ("Cœur", "coeur"),
        ):
            assert session.scalar(sa.select(folded(sa.literal(text)))) == expected, text
