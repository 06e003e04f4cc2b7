"""Care of a desk database, SQLite file or team server: backups, restores, health checks
and repairs, and the protection of a damaged file. One module per task:

- `backup`: a checked copy of the database, logged in the export log.
- `restore`: a verified backup put in the place of the data, the old content kept aside.
- `health`: `crm check` (integrity, schema, references, search index) and its repair.
- `damage`: a damaged database is read-only until repaired (`protect`, `guard`).
- `copies`: what they share: backup names and folders, copies of SQLite files and rows.

A backup is always an SQLite file with the desk schema, whatever the source: a file is
copied with SQLite's own backup API; a PostgreSQL database is copied table by table. So one
restore path serves both, and a team backup can be opened as a personal database.
Every file written here appears whole or not at all (`crm.db.files.atomic_file`), owner-only.
"""
