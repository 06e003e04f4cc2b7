from crm.db import search
from crm.services import organizations


def test_create_and_find_on_both_databases(db, actor):
    with db.write() as session:
        organizations.service.create(session, actor, {"name": "Biotech de Montréal", "region": "QC", "country": "Canada"})
    with db.read() as session:
        hits = search.search(session, "montr")
    assert [h.title for h in hits] == ["Biotech de Montréal"]
