"""CSV import of organizations, contacts and event participants: read, validate all, then write.

`read_source` decodes what staff receive (UTF-8 with or without BOM, UTF-16 with BOM,
Windows-1252 from older Excel), finds the delimiter (`,` `;` or tab: the one whose header
cells match the most known headers, then csv.Sniffer), and keeps each record with the
physical line it starts on. `plan` matches headers (English or French, synonyms, Outlook and
Google Contacts layouts, this app's own exports), cleans every row with the entity module's
own `clean` (same rules as the window), finds duplicates within the file and against the
database, and decides per row: created, updated, unchanged, skipped, merged or invalid.
Nothing is written by `plan`. `apply` writes a plan in the caller's transaction, in bulk
(Core inserts, search index through `indexing.index_rows` at the end), and records an import
batch so the import can be undone (`undo_last`).

Rules:

- All or nothing: any invalid row and nothing is written (`ImportRefused` lists every
  problem), unless `skip_invalid`, where the valid rows are written and the rejected ones can
  be saved with their reason (`write_rejects`) to be fixed and imported again.
- Problems name the line (the physical line the record starts on, the header being line 1)
  and the column (the file's header).
- Duplicates: `uid` (this app's files), email, folded name within the same organization
  (contacts); `uid`, website domain, folded name (organizations); event and contact or
  organization (participants). `on_duplicate`: "skip" leaves the recorded one as is,
  "update" writes the file's non-blank values over it, "fill" writes them only into its
  blank fields. A row equal to what is recorded is "unchanged": re-importing an export
  changes nothing. Rows repeating an earlier row of the file are "merged" into it (its blank
  fields filled from them).
- Undo: created records go to the trash (soft deletion: restorable, `purge` erases them);
  updated records get their previous values back, refused when changed since the import.

Where it lives: `files` (decoding the file, writing rejects), `mapping` (columns to fields,
cells to values, issues to problems), `plans` (options, row plans, the plan, the errors),
`checking` (the planner every entity shares), `entities` (each entity's references and
duplicate keys, `plan`), `writing` (`apply`, `run`), `undo` (`last_batch`, `undo_last`),
`common` (what several of them share).
"""

from __future__ import annotations

from crm.services.csv_import.entities import plan
from crm.services.csv_import.files import Source, read_source, write_rejects
from crm.services.csv_import.mapping import resolve_mapping as resolve_mapping
from crm.services.csv_import.plans import (
    ENTITIES,
    ImportCancelled,
    ImportOptions,
    ImportRefused,
    Plan,
    Problem,
    RowPlan,
)
from crm.services.csv_import.undo import BatchInfo as BatchInfo
from crm.services.csv_import.undo import last_batch, undo_last
from crm.services.csv_import.writing import apply, run

__all__ = [
    "ENTITIES",
    "ImportCancelled",
    "ImportOptions",
    "ImportRefused",
    "Plan",
    "Problem",
    "RowPlan",
    "Source",
    "apply",
    "last_batch",
    "plan",
    "read_source",
    "run",
    "undo_last",
    "write_rejects",
]
