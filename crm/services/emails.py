"""Introduction emails drafted from templates: nothing is ever sent by the desk.

Two kinds of drafts, each in the recipient's preferred language (French or English):

- `consent_request(side)`: asks one party (qc or ma) whether they welcome the introduction;
- `introduction_email`: introduces both parties to each other, to both addresses. When the
  two contacts prefer different languages, the draft holds both versions, French first.

Neither is drafted to a party whose consent is "no" (`DeskError` code `email.declined`).

Templates are plain text files `<name>.<lang>.txt`: a first line `Subject: ...`, a blank
line, then the body, with `${placeholders}` (see `PLACEHOLDERS`). The defaults ship in
`resources/templates/`; a user's edited copy lives in the user data folder
(`templates_dir()`) and wins. `Draft.mailto()` gives the `mailto:` address that opens the
staff member's mail program; `Draft.text()` what goes to the clipboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote

from platformdirs import user_data_path
from sqlalchemy.orm import Session

import crm
from crm.db.engine import APP_AUTHOR, APP_NAME
from crm.db.models import Contact, Introduction, Organization
from crm.domain.enums import Consent, Language, Territory
from crm.domain.errors import DeskError
from crm.services import introductions

DEFAULT_DIR = Path(crm.__file__).resolve().parent.parent / "resources" / "templates"
TEMPLATE_NAMES = ("consent_request", "introduction")
LANGUAGES = ("fr", "en")
PLACEHOLDERS = {
    "consent_request": (
        "recipient_first_name", "recipient_name", "recipient_org_or_you", "other_name",
        "other_name_short", "other_org_suffix", "other_side_label", "purpose", "sender_name",
    ),
    "introduction": (
        "qc_first_name", "qc_name", "qc_org_suffix", "ma_first_name", "ma_name",
        "ma_org_suffix", "purpose", "sender_name",
    ),
}  # fmt: skip

PURPOSES = {
    "fr": {"partnership": "partenariat", "cro_services": "services de recherche contractuelle (CRO)",
           "investment": "investissement", "licensing": "licence", "rd_collaboration": "collaboration de R-D",
           "market_entry": "entrée sur le marché", "talent": "talents", "other": "autre"},
    "en": {"partnership": "partnership", "cro_services": "CRO services", "investment": "investment",
           "licensing": "licensing", "rd_collaboration": "R&D collaboration",
           "market_entry": "market entry", "talent": "talent", "other": "other"},
}  # fmt: skip
SIDES = {
    "fr": {"qc": "au Québec", "ma": "au Massachusetts"},
    "en": {"qc": "in Québec", "ma": "in Massachusetts"},
}
YOU = {"fr": "vous", "en": "you"}


def templates_dir() -> Path:
    """Where the user's edited templates live (not created until one is saved)."""
    return user_data_path(APP_NAME, APP_AUTHOR) / "templates"


def _file(name: str, lang: str) -> str:
    if name not in TEMPLATE_NAMES or lang not in LANGUAGES:
        raise ValueError(f"no template {name!r} in {lang!r}")
    return f"{name}.{lang}.txt"


def load_template(name: str, lang: str, user_dir: Path | None = None) -> str:
    """The user's copy of a template when there is one, else the default."""
    user = (user_dir or templates_dir()) / _file(name, lang)
    if user.exists():
        return user.read_text(encoding="utf-8")
    return (DEFAULT_DIR / _file(name, lang)).read_text(encoding="utf-8")


def is_customized(name: str, lang: str, user_dir: Path | None = None) -> bool:
    return ((user_dir or templates_dir()) / _file(name, lang)).exists()


def save_template(name: str, lang: str, text: str, user_dir: Path | None = None) -> Path:
    folder = user_dir or templates_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _file(name, lang)
    path.write_text(text, encoding="utf-8")
    return path


def reset_template(name: str, lang: str, user_dir: Path | None = None) -> None:
    """Forget the user's copy: the default applies again."""
    ((user_dir or templates_dir()) / _file(name, lang)).unlink(missing_ok=True)


@dataclass(frozen=True)
class Draft:
    to: tuple[str, ...]
    subject: str
    body: str
    language: str

    def mailto(self) -> str:
        """A `mailto:` address with subject and body (RFC 6068: %-encoded, CRLF line breaks)."""
        body = self.body.replace("\r\n", "\n").replace("\n", "\r\n")
        to = ",".join(quote(a, safe="@") for a in self.to)
        return f"mailto:{to}?subject={quote(self.subject, safe='')}&body={quote(body, safe='')}"

    def text(self) -> str:
        """The draft as text to paste: addresses, subject, then the body."""
        return f"To: {', '.join(self.to)}\nSubject: {self.subject}\n\n{self.body}"


def render(template: str, values: dict[str, str]) -> tuple[str, str]:
    """(subject, body) of a template filled with `values`; unknown placeholders stay as typed."""
    text = Template(template.replace("\r\n", "\n")).safe_substitute(values)
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), rest.lstrip("\n").rstrip() + "\n"
    return "", text.rstrip() + "\n"


@dataclass(frozen=True)
class _Party:
    first_name: str
    name: str
    org: str
    email: str
    language: str

    @property
    def display(self) -> str:
        return self.name or self.org


def _party(session: Session, intro: Introduction, side: str) -> _Party:
    contact_id = getattr(intro, f"{side}_contact_id")
    org_id = getattr(intro, f"{side}_organization_id")
    person = session.get(Contact, contact_id) if contact_id else None
    if org_id is None and person is not None:
        org_id = person.organization_id
    org = session.get(Organization, org_id) if org_id else None
    default = Language.FR if side == "qc" else Language.EN
    if person is None and org is not None and org.territory == Territory.MA:
        default = Language.EN
    return _Party(
        first_name=(person.first_name if person else "") or (org.name if org else ""),
        name=person.full_name if person else "",
        org=org.name if org else "",
        email=person.email if person else "",
        language=str(person.language.value if person else default.value),
    )


def refuse_declined(intro: Introduction, sides: dict[str, _Party]) -> None:
    """A party who said no gets no more email about this introduction (no re-asking either)."""
    declined = [
        p.display for side, p in sides.items() if getattr(intro, f"{side}_consent") == Consent.NO
    ]
    if declined:
        raise DeskError(
            f"{' and '.join(declined)} said no to this introduction: no email is drafted to a "
            "party who declined",
            code="email.declined",
            params={"party": ", ".join(declined)},
        )


def _suffix(party: _Party, lang: str) -> str:
    if party.name and party.org:
        return f" ({party.org})"
    return ""


def consent_request(
    session: Session,
    record_id: int,
    side: str,
    sender_name: str,
    *,
    user_dir: Path | None = None,
    language: str | None = None,
) -> Draft:
    """Ask the party on `side` (qc or ma), in their language, whether they want the introduction."""
    if side not in ("qc", "ma"):
        raise ValueError(f"side must be qc or ma, not {side!r}")
    intro = introductions.service.get(session, record_id)
    me = _party(session, intro, side)
    refuse_declined(intro, {side: me})
    other_side = "ma" if side == "qc" else "qc"
    other = _party(session, intro, other_side)
    lang = language or me.language
    values = {
        "recipient_first_name": me.first_name,
        "recipient_name": me.display,
        "recipient_org_or_you": me.org or YOU[lang],
        "other_name": other.display,
        "other_name_short": other.first_name if other.name else other.display,
        "other_org_suffix": _suffix(other, lang),
        "other_side_label": SIDES[lang][other_side],
        "purpose": PURPOSES[lang].get(str(intro.purpose.value), str(intro.purpose.value)),
        "sender_name": sender_name,
    }
    subject, body = render(load_template("consent_request", lang, user_dir), values)
    return Draft(tuple(a for a in (me.email,) if a), subject, body, lang)


def introduction_email(
    session: Session,
    record_id: int,
    sender_name: str,
    *,
    user_dir: Path | None = None,
) -> Draft:
    """The introduction itself, to both parties: in their shared language, else French then English."""
    intro = introductions.service.get(session, record_id)
    qc, ma = _party(session, intro, "qc"), _party(session, intro, "ma")
    refuse_declined(intro, {"qc": qc, "ma": ma})
    langs = [qc.language] if qc.language == ma.language else ["fr", "en"]
    parts = []
    for lang in langs:
        values = {
            "qc_first_name": qc.first_name, "qc_name": qc.display, "qc_org_suffix": _suffix(qc, lang),
            "ma_first_name": ma.first_name, "ma_name": ma.display, "ma_org_suffix": _suffix(ma, lang),
            "purpose": PURPOSES[lang].get(str(intro.purpose.value), str(intro.purpose.value)),
            "sender_name": sender_name,
        }  # fmt: skip
        parts.append(render(load_template("introduction", lang, user_dir), values))
    subject = " / ".join(dict.fromkeys(s for s, _ in parts))
    separator = "\n— — —\n\n"
    body = separator.join(b for _, b in parts)
    to = tuple(a for a in (qc.email, ma.email) if a)
    return Draft(to, subject, body, "+".join(langs))
