"""The dashboard's aggregates, on the demo data and on hand-made cases, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

from crm.services import contacts, dashboard, introductions, organizations, users


def test_demo_figures(demo_db):
    with demo_db.db.read() as s:
        figures = dashboard.compute(s, date.today())
    assert figures.funnel == [("proposed", 3), ("asked", 2), ("both_agreed", 2), ("introduced", 2),
                              ("meeting_held", 2), ("closed", 5)]  # fmt: skip
    outcomes = dict(figures.outcomes)
    assert sum(outcomes.values()) == 5
    assert outcomes["cro_contract"] == outcomes["investment"] == outcomes["licensing"] == 1
    assert outcomes["declined"] == outcomes["no_fit"] == 1
    month, _ways = figures.monthly[-1]
    assert month == date.today().strftime("%Y-%m")
    # The demo's introductions of the last year (the others date from 2016-2018 events), in
    # several months and both directions.
    assert sum(sum(w.values()) for _, w in figures.monthly) == 8
    assert len([m for m, w in figures.monthly if sum(w.values())]) >= 4
    assert all(sum(w[way] for _, w in figures.monthly) >= 2 for way in dashboard.DIRECTIONS)
    assert len(figures.monthly) == 12
    assert dict((name, n) for _id, name, n in figures.overdue) == {
        "Jack Sullivan": 3,
        "Marie Tremblay": 1,
    }
    assert figures.connected[0][1:] == ("Beacon Hill Ventures", 3)
    assert figures.totals.introductions["closed"] == 5


def test_direction_rules(db, actor):
    with db.write() as s:
        qc = organizations.service.create(s, actor, {"name": "Laval Bio", "region": "QC"}).id
        ma = organizations.service.create(s, actor, {"name": "Boston Cell", "region": "MA"}).id
        ma_introducer = contacts.service.create(
            s, actor, {"first_name": "Dan", "organization_id": ma}
        ).id
        boston_owner = users.service.create(
            s, None, {"name": "js", "email": "js@massbio.example"}
        ).id
        base = {"qc_organization_id": qc, "ma_organization_id": ma}
        introductions.create(s, actor, {**base, "introducer_contact_id": ma_introducer})  # MA→QC
        introductions.create(
            s,
            actor,
            {
                **base,
                "qc_consent": "yes",
                "qc_consent_at": date.today() - timedelta(3),
                "ma_consent": "yes",
                "ma_consent_at": date.today(),
            },
        )  # QC→MA
        introductions.create(
            s, actor, {**base, "ma_consent": "yes", "ma_consent_at": date.today()}
        )  # MA→QC
        introductions.create(s, actor, {**base, "owner_id": boston_owner})  # MA→QC
        introductions.create(s, actor, base)  # QC→MA by default
    with db.read() as s:
        _month, ways = dashboard.monthly(s, date.today())[-1]
        assert ways == {"qc_ma": 2, "ma_qc": 3}
        assert dashboard.connected(s)[:2] == [(ma, "Boston Cell", 5), (qc, "Laval Bio", 5)]


def test_month_keys_cross_the_year():
    assert dashboard.month_keys(date(2025, 2, 10), 3) == ["2024-12", "2025-01", "2025-02"]
