"""The field catalogue: every field of every entity, declared once (plain Python, no Qt).

For each entity (organization, contact, introduction, follow-up, event, participant,
interaction) a `Field` gives its name (the snake_case word of CSV columns, `--columns` and
`--map`), its English label (the editor's, translated by the windows in the "Fields" context:
`QT_TRANSLATE_NOOP` below only marks it for the translation tools), its French CSV header,
its kind, whether the CSV export writes it and the CSV import reads it, and the header of its
list column ("Headers" context). The CSV columns and headers (`crm.domain.csv_headers`), the
editors' fields (`crm.ui.dialogs.records`), the list columns' kinds (`crm.services.lists`)
and their headers (`crm.ui.labels.header`) are selections from it; the SQL of the few
computed fields (a person's name, a party, a staff user, a follow-up's linked record) is in
`crm.services.fields`.

Kinds: text, multiline (free text), int, bool, date, time, datetime, enum:<EnumName>, staff
(a staff user picked), organization / contact / introduction / event (a record picked), and
computed (a name the SQL composes).

Over 500 lines because it is a table: one declaration per field, about 130 fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from crm.domain.enums import EntityKind


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """`text` as is: marks an English label for the translation tools (context, source)."""
    return text


@dataclass(frozen=True)
class Field:
    name: str
    label: str = ""  # English, "Fields" context; "" for a field no editor shows
    fr: str = ""  # the French header of a CSV file ("" for a field no file carries)
    kind: str = "text"
    export: bool = False  # a column the CSV export can write
    imported: bool = False  # a column the CSV import reads
    # The list column's header ("Headers" context) for a field a list shows: often shorter
    # than the editor's label ("Due" for "Due date"); "" for a field no list shows.
    header: str = ""
    # A one-line text typed freely (an introduction's or a follow-up's title): like notes, it
    # may name anyone, so a partner file leaves it out unless asked (then with a warning).
    prose: bool = False

    @property
    def free_text(self) -> bool:
        """Text typed freely (notes, titles): it may name people, consent or not."""
        return self.kind == "multiline" or self.prose


@dataclass(frozen=True)
class Entity:
    kind: EntityKind
    fields: tuple[Field, ...]
    # The CSV file of this entity ("contacts"), and the columns written when none are asked
    # (never free text: a partner file names only people who consented).
    file: str | None = None
    default_export: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(f"{self.kind} has no field {name!r}")

    def select(self, *names: str) -> tuple[Field, ...]:
        """These fields, in this order (KeyError for a name the entity lacks)."""
        return tuple(self.field(name) for name in names)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column the export can write, in the order they are offered."""
        return tuple(f.name for f in self.fields if f.export)

    @property
    def import_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.imported)


# The record a follow-up or an interaction serves.
LINKS = (
    Field("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), kind="organization"),
    Field("contact_id", QT_TRANSLATE_NOOP("Fields", "Contact"), kind="contact"),
    Field("introduction_id", QT_TRANSLATE_NOOP("Fields", "Introduction"), kind="introduction"),
    Field("event_id", QT_TRANSLATE_NOOP("Fields", "Event"), kind="event"),
)

ORGANIZATION = Entity(
    EntityKind.ORGANIZATION,
    (
        Field("uid", fr="Identifiant", export=True, imported=True),
        Field(
            "name",
            QT_TRANSLATE_NOOP("Fields", "Name"),
            header=QT_TRANSLATE_NOOP("Headers", "Name"),
            fr="Nom",
            export=True,
            imported=True,
        ),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("Fields", "Kind"),
            header=QT_TRANSLATE_NOOP("Headers", "Kind"),
            fr="Type",
            kind="enum:OrganizationKind",
            export=True,
            imported=True,
        ),
        Field(
            "territory",
            QT_TRANSLATE_NOOP("Fields", "Territory"),
            header=QT_TRANSLATE_NOOP("Headers", "Territory"),
            fr="Territoire",
            kind="enum:Territory",
            export=True,
            imported=True,
        ),
        Field(
            "membership",
            QT_TRANSLATE_NOOP("Fields", "Membership"),
            header=QT_TRANSLATE_NOOP("Headers", "Membership"),
            fr="Adhésion",
            kind="enum:Membership",
            export=True,
            imported=True,
        ),
        Field(
            "website",
            QT_TRANSLATE_NOOP("Fields", "Website"),
            header=QT_TRANSLATE_NOOP("Headers", "Website"),
            fr="Site web",
            export=True,
            imported=True,
        ),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("Fields", "Phone"),
            fr="Téléphone",
            export=True,
            imported=True,
        ),
        Field(
            "address",
            QT_TRANSLATE_NOOP("Fields", "Address"),
            fr="Adresse",
            export=True,
            imported=True,
        ),
        Field(
            "city",
            QT_TRANSLATE_NOOP("Fields", "City"),
            header=QT_TRANSLATE_NOOP("Headers", "City"),
            fr="Ville",
            export=True,
            imported=True,
        ),
        Field(
            "region",
            QT_TRANSLATE_NOOP("Fields", "Province or state"),
            header=QT_TRANSLATE_NOOP("Headers", "Region"),
            fr="Province ou État",
            export=True,
            imported=True,
        ),
        Field(
            "postal_code",
            QT_TRANSLATE_NOOP("Fields", "Postal code"),
            fr="Code postal",
            export=True,
            imported=True,
        ),
        Field(
            "country", QT_TRANSLATE_NOOP("Fields", "Country"), fr="Pays", export=True, imported=True
        ),
        Field(
            "therapeutic_areas",
            QT_TRANSLATE_NOOP("Fields", "Therapeutic areas"),
            fr="Domaines thérapeutiques",
            export=True,
            imported=True,
        ),
        Field(
            "employees",
            QT_TRANSLATE_NOOP("Fields", "Employees"),
            fr="Employés",
            export=True,
            imported=True,
        ),
        Field(
            "tags", QT_TRANSLATE_NOOP("Fields", "Tags"), fr="Étiquettes", export=True, imported=True
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("Fields", "Notes"),
            fr="Notes",
            kind="multiline",
            export=True,
            imported=True,
        ),
        Field("created_at", fr="Créé le", kind="datetime", export=True),
        Field("updated_at", fr="Modifié le", kind="datetime", export=True),
    ),
    file="organizations",
    default_export=(
        "uid",
        "name",
        "kind",
        "territory",
        "membership",
        "website",
        "phone",
        "city",
        "region",
        "postal_code",
        "country",
        "tags",
    ),
)

CONTACT = Entity(
    EntityKind.CONTACT,
    (
        Field("uid", fr="Identifiant", export=True, imported=True),
        Field("full_name", fr="Nom complet", imported=True),
        Field("name", header=QT_TRANSLATE_NOOP("Headers", "Name"), kind="computed"),
        Field(
            "first_name",
            QT_TRANSLATE_NOOP("Fields", "First name"),
            fr="Prénom",
            export=True,
            imported=True,
        ),
        Field(
            "last_name",
            QT_TRANSLATE_NOOP("Fields", "Last name"),
            fr="Nom de famille",
            export=True,
            imported=True,
        ),
        Field(
            "email",
            QT_TRANSLATE_NOOP("Fields", "Email"),
            header=QT_TRANSLATE_NOOP("Headers", "Email"),
            fr="Courriel",
            export=True,
            imported=True,
        ),
        Field(
            "phone",
            QT_TRANSLATE_NOOP("Fields", "Phone"),
            fr="Téléphone",
            export=True,
            imported=True,
        ),
        Field(
            "mobile",
            QT_TRANSLATE_NOOP("Fields", "Mobile"),
            fr="Cellulaire",
            export=True,
            imported=True,
        ),
        Field(
            "title",
            QT_TRANSLATE_NOOP("Fields", "Job title"),
            header=QT_TRANSLATE_NOOP("Headers", "Title"),
            fr="Titre",
            export=True,
            imported=True,
        ),
        Field(
            "organization",
            header=QT_TRANSLATE_NOOP("Headers", "Organization"),
            fr="Organisation",
            export=True,
            imported=True,
        ),
        Field("organization_uid", fr="Identifiant de l’organisation", export=True, imported=True),
        Field(
            "city",
            QT_TRANSLATE_NOOP("Fields", "City"),
            header=QT_TRANSLATE_NOOP("Headers", "City"),
            fr="Ville",
            export=True,
            imported=True,
        ),
        Field(
            "region",
            QT_TRANSLATE_NOOP("Fields", "Province or state"),
            fr="Province ou État",
            export=True,
            imported=True,
        ),
        Field(
            "country", QT_TRANSLATE_NOOP("Fields", "Country"), fr="Pays", export=True, imported=True
        ),
        Field(
            "territory",
            QT_TRANSLATE_NOOP("Fields", "Territory"),
            header=QT_TRANSLATE_NOOP("Headers", "Territory"),
            fr="Territoire",
            kind="enum:Territory",
            export=True,
            imported=True,
        ),
        Field(
            "language",
            QT_TRANSLATE_NOOP("Fields", "Preferred language"),
            header=QT_TRANSLATE_NOOP("Headers", "Language"),
            fr="Langue",
            kind="enum:Language",
            export=True,
            imported=True,
        ),
        Field(
            "share_with_partners",
            QT_TRANSLATE_NOOP("Fields", "Share with partners"),
            fr="Partage avec les partenaires",
            kind="enum:Consent",
            export=True,
            imported=True,
        ),
        Field(
            "consent_date",
            QT_TRANSLATE_NOOP("Fields", "Consent date"),
            fr="Date du consentement",
            kind="date",
            export=True,
            imported=True,
        ),
        Field(
            "consent_source",
            QT_TRANSLATE_NOOP("Fields", "Consent source"),
            fr="Source du consentement",
            export=True,
            imported=True,
        ),
        Field(
            "do_not_contact",
            QT_TRANSLATE_NOOP("Fields", "Do not contact"),
            fr="Ne pas contacter",
            kind="bool",
            export=True,
            imported=True,
        ),
        Field(
            "tags", QT_TRANSLATE_NOOP("Fields", "Tags"), fr="Étiquettes", export=True, imported=True
        ),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("Fields", "Notes"),
            fr="Notes",
            kind="multiline",
            export=True,
            imported=True,
        ),
        Field("created_at", fr="Créé le", kind="datetime", export=True),
        Field("updated_at", fr="Modifié le", kind="datetime", export=True),
        Field("organization_id", QT_TRANSLATE_NOOP("Fields", "Organization"), kind="organization"),
    ),
    file="contacts",
    default_export=(
        "uid",
        "first_name",
        "last_name",
        "email",
        "phone",
        "title",
        "organization",
        "city",
        "region",
        "country",
        "territory",
        "language",
        "share_with_partners",
        "tags",
    ),
)

INTRODUCTION = Entity(
    EntityKind.INTRODUCTION,
    (
        Field("uid", fr="Identifiant", export=True, imported=True),
        Field(
            "title",
            QT_TRANSLATE_NOOP("Fields", "Title"),
            header=QT_TRANSLATE_NOOP("Headers", "Title"),
            fr="Titre",
            export=True,
            prose=True,
            imported=True,
        ),
        Field(
            "qc_party",
            header=QT_TRANSLATE_NOOP("Headers", "Québec party"),
            fr="Partie québécoise",
            export=True,
            imported=True,
        ),
        Field(
            "ma_party",
            header=QT_TRANSLATE_NOOP("Headers", "Massachusetts party"),
            fr="Partie du Massachusetts",
            export=True,
            imported=True,
        ),
        Field("qc_contact", fr="Contact québécois", export=True, imported=True),
        Field("qc_contact_uid", fr="Identifiant du contact québécois", export=True, imported=True),
        Field("qc_organization", fr="Organisation québécoise", export=True, imported=True),
        Field(
            "qc_organization_uid",
            fr="Identifiant de l’organisation québécoise",
            export=True,
            imported=True,
        ),
        Field("ma_contact", fr="Contact du Massachusetts", export=True, imported=True),
        Field(
            "ma_contact_uid",
            fr="Identifiant du contact du Massachusetts",
            export=True,
            imported=True,
        ),
        Field("ma_organization", fr="Organisation du Massachusetts", export=True, imported=True),
        Field(
            "ma_organization_uid",
            fr="Identifiant de l’organisation du Massachusetts",
            export=True,
            imported=True,
        ),
        Field(
            "purpose",
            QT_TRANSLATE_NOOP("Fields", "Purpose"),
            header=QT_TRANSLATE_NOOP("Headers", "Purpose"),
            fr="Objet",
            kind="enum:IntroductionPurpose",
            export=True,
            imported=True,
        ),
        Field(
            "stage",
            QT_TRANSLATE_NOOP("Fields", "Stage"),
            header=QT_TRANSLATE_NOOP("Headers", "Stage"),
            fr="Étape",
            kind="enum:IntroductionStage",
            export=True,
            imported=True,
        ),
        Field(
            "outcome",
            QT_TRANSLATE_NOOP("Fields", "Outcome (when closed)"),
            fr="Résultat",
            kind="enum:IntroductionOutcome",
            export=True,
            imported=True,
        ),
        Field("owner", header=QT_TRANSLATE_NOOP("Headers", "Owner"), fr="Responsable", export=True),
        Field("introducer", fr="Intermédiaire", export=True),
        Field("event", fr="Événement", export=True),
        Field("event_uid", fr="Identifiant de l’événement", export=True),
        Field(
            "stage_changed_at",
            header=QT_TRANSLATE_NOOP("Headers", "Stage since"),
            fr="Étape depuis",
            kind="datetime",
            export=True,
        ),
        Field("closed_at", fr="Conclue le", kind="datetime", export=True),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("Fields", "Notes"),
            fr="Notes",
            kind="multiline",
            export=True,
            imported=True,
        ),
        # What the record was when exported: a returned file's row whose record changed here
        # since (another version) is a conflict, never written over.
        Field("version", fr="Version", kind="int", export=True, imported=True),
        Field("updated_at", fr="Modifié le", kind="datetime", export=True),
        Field(
            "qc_organization_id",
            QT_TRANSLATE_NOOP("Fields", "Québec organization"),
            kind="organization",
        ),
        Field("qc_contact_id", QT_TRANSLATE_NOOP("Fields", "Québec contact"), kind="contact"),
        Field(
            "ma_organization_id",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts organization"),
            kind="organization",
        ),
        Field(
            "ma_contact_id", QT_TRANSLATE_NOOP("Fields", "Massachusetts contact"), kind="contact"
        ),
        Field("introducer_contact_id", QT_TRANSLATE_NOOP("Fields", "Introducer"), kind="contact"),
        Field("owner_id", QT_TRANSLATE_NOOP("Fields", "Owner"), kind="staff"),
        # The parties' answers travel in the partner's file: each desk asks its own side.
        Field(
            "qc_consent",
            QT_TRANSLATE_NOOP("Fields", "Québec party agrees"),
            fr="Accord de la partie québécoise",
            kind="enum:Consent",
            export=True,
            imported=True,
        ),
        Field(
            "qc_consent_at",
            QT_TRANSLATE_NOOP("Fields", "Québec answer on"),
            fr="Réponse québécoise le",
            kind="date",
            export=True,
            imported=True,
        ),
        Field(
            "qc_consent_channel",
            QT_TRANSLATE_NOOP("Fields", "Québec answer by (email, phone…)"),
            fr="Réponse québécoise par",
            export=True,
            imported=True,
        ),
        Field(
            "ma_consent",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts party agrees"),
            fr="Accord de la partie du Massachusetts",
            kind="enum:Consent",
            export=True,
            imported=True,
        ),
        Field(
            "ma_consent_at",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts answer on"),
            fr="Réponse du Massachusetts le",
            kind="date",
            export=True,
            imported=True,
        ),
        Field(
            "ma_consent_channel",
            QT_TRANSLATE_NOOP("Fields", "Massachusetts answer by (email, phone…)"),
            fr="Réponse du Massachusetts par",
            export=True,
            imported=True,
        ),
        Field("event_id", QT_TRANSLATE_NOOP("Fields", "Event"), kind="event"),
    ),
    file="introductions",
    default_export=(
        "uid",
        "qc_party",
        "ma_party",
        "qc_contact_uid",
        "qc_organization_uid",
        "ma_contact_uid",
        "ma_organization_uid",
        "purpose",
        "stage",
        "outcome",
        "owner",
        "stage_changed_at",
        "qc_consent",
        "qc_consent_at",
        "ma_consent",
        "ma_consent_at",
        "version",
    ),
)

FOLLOWUP = Entity(
    EntityKind.FOLLOWUP,
    (
        Field("uid", fr="Identifiant", export=True, imported=True),
        Field(
            "title",
            QT_TRANSLATE_NOOP("Fields", "Title"),
            header=QT_TRANSLATE_NOOP("Headers", "Title"),
            fr="Titre",
            export=True,
            prose=True,
            imported=True,
        ),
        Field(
            "due_date",
            QT_TRANSLATE_NOOP("Fields", "Due date"),
            header=QT_TRANSLATE_NOOP("Headers", "Due"),
            fr="Échéance",
            kind="date",
            export=True,
            imported=True,
        ),
        Field(
            "due_time",
            QT_TRANSLATE_NOOP("Fields", "Time"),
            header=QT_TRANSLATE_NOOP("Headers", "Time"),
            fr="Heure",
            kind="time",
            export=True,
            imported=True,
        ),
        Field(
            "assignee", header=QT_TRANSLATE_NOOP("Headers", "Assignee"), fr="Assigné à", export=True
        ),
        Field(
            "priority",
            QT_TRANSLATE_NOOP("Fields", "Priority"),
            header=QT_TRANSLATE_NOOP("Headers", "Priority"),
            fr="Priorité",
            kind="enum:Priority",
            export=True,
            imported=True,
        ),
        Field(
            "status",
            QT_TRANSLATE_NOOP("Fields", "Status"),
            header=QT_TRANSLATE_NOOP("Headers", "Status"),
            fr="Statut",
            kind="enum:FollowUpStatus",
            export=True,
            imported=True,
        ),
        Field("completed_at", fr="Terminé le", kind="datetime", export=True),
        Field(
            "linked_kind",
            fr="Type de fiche liée",
            kind="enum:EntityKind",
            export=True,
            imported=True,
        ),
        Field(
            "linked_to",
            header=QT_TRANSLATE_NOOP("Headers", "Linked to"),
            fr="Lié à",
            export=True,
            imported=True,
        ),
        Field("linked_uid", fr="Identifiant de la fiche liée", export=True, imported=True),
        Field(
            "notes",
            QT_TRANSLATE_NOOP("Fields", "Notes"),
            fr="Notes",
            kind="multiline",
            export=True,
            imported=True,
        ),
        # What the record was when exported: a returned file's row whose record changed here
        # since (another version) is a conflict, never written over.
        Field("version", fr="Version", kind="int", export=True, imported=True),
        Field("updated_at", fr="Modifié le", kind="datetime", export=True),
        Field("assignee_id", QT_TRANSLATE_NOOP("Fields", "Assignee"), kind="staff"),
        *LINKS,
    ),
    file="followups",
    default_export=(
        "uid",
        "due_date",
        "due_time",
        "assignee",
        "priority",
        "status",
        "linked_kind",
        "linked_to",
        "linked_uid",
        "version",
    ),
)

EVENT = Entity(
    EntityKind.EVENT,
    (
        Field(
            "name", QT_TRANSLATE_NOOP("Fields", "Name"), header=QT_TRANSLATE_NOOP("Headers", "Name")
        ),
        Field(
            "kind",
            QT_TRANSLATE_NOOP("Fields", "Kind"),
            header=QT_TRANSLATE_NOOP("Headers", "Kind"),
            kind="enum:EventKind",
        ),
        Field(
            "starts_on",
            QT_TRANSLATE_NOOP("Fields", "Starts on"),
            header=QT_TRANSLATE_NOOP("Headers", "Starts"),
            kind="date",
        ),
        Field(
            "ends_on",
            QT_TRANSLATE_NOOP("Fields", "Ends on"),
            header=QT_TRANSLATE_NOOP("Headers", "Ends"),
            kind="date",
        ),
        Field(
            "city", QT_TRANSLATE_NOOP("Fields", "City"), header=QT_TRANSLATE_NOOP("Headers", "City")
        ),
        Field(
            "territory",
            QT_TRANSLATE_NOOP("Fields", "Territory"),
            header=QT_TRANSLATE_NOOP("Headers", "Territory"),
            kind="enum:Territory",
        ),
        Field("description", QT_TRANSLATE_NOOP("Fields", "Description"), kind="multiline"),
        Field("participants", header=QT_TRANSLATE_NOOP("Headers", "Participants"), kind="int"),
    ),
)

PARTICIPANT = Entity(
    EntityKind.PARTICIPANT,
    (
        Field("uid", fr="Identifiant", export=True, imported=True),
        Field("event", fr="Événement", export=True, imported=True),
        Field("event_uid", fr="Identifiant de l’événement", export=True, imported=True),
        Field("event_starts_on", fr="Début de l’événement", kind="date", export=True),
        Field("contact", fr="Contact", export=True, imported=True),
        Field("contact_email", fr="Courriel du contact", export=True, imported=True),
        Field("contact_uid", fr="Identifiant du contact", export=True, imported=True),
        Field("organization", fr="Organisation", export=True, imported=True),
        Field("organization_uid", fr="Identifiant de l’organisation", export=True, imported=True),
        Field("role", fr="Rôle", export=True, imported=True),
        Field("attended", fr="Présent", kind="bool", export=True, imported=True),
    ),
    file="participants",
    default_export=(
        "uid",
        "event",
        "event_uid",
        "event_starts_on",
        "contact",
        "contact_email",
        "contact_uid",
        "organization",
        "organization_uid",
        "role",
        "attended",
    ),
)

INTERACTION = Entity(
    EntityKind.INTERACTION,
    (
        Field("subject", QT_TRANSLATE_NOOP("Fields", "Subject"), prose=True),
        Field("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), kind="enum:InteractionKind"),
        Field("occurred_at", QT_TRANSLATE_NOOP("Fields", "When"), kind="datetime"),
        Field("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), kind="multiline"),
        *LINKS,
    ),
)

CATALOGUE: dict[EntityKind, Entity] = {
    entity.kind: entity
    for entity in (ORGANIZATION, CONTACT, INTRODUCTION, FOLLOWUP, EVENT, PARTICIPANT, INTERACTION)
}
# The entities exchanged as CSV files, by file name ("organizations", "contacts"...).
FILES: dict[str, Entity] = {e.file: e for e in CATALOGUE.values() if e.file is not None}


def _french_headers() -> dict[str, str]:
    """Each field name's French header; a name means one thing in every file."""
    headers: dict[str, str] = {}
    for entity in CATALOGUE.values():
        for field in entity.fields:
            if field.fr and headers.setdefault(field.name, field.fr) != field.fr:
                raise ValueError(f"{field.name} has two French headers")
    return headers


FR_HEADERS = _french_headers()

# Columns of the trash list that belong to no one entity (the trashed record and who did it).
TRASH_COLUMNS = (
    Field("label", header=QT_TRANSLATE_NOOP("Headers", "Record")),
    Field("deleted_at", header=QT_TRANSLATE_NOOP("Headers", "Deleted on"), kind="datetime"),
    Field("deleted_by", header=QT_TRANSLATE_NOOP("Headers", "Deleted by")),
)


def _list_headers() -> dict[str, str]:
    """Each list column's English header by field name; a name has one header in every list."""
    headers: dict[str, str] = {}
    fields = [f for entity in CATALOGUE.values() for f in entity.fields] + list(TRASH_COLUMNS)
    for field in fields:
        if field.header and headers.setdefault(field.name, field.header) != field.header:
            raise ValueError(f"{field.name} has two list headers")
    return headers


LIST_HEADERS = _list_headers()
