"""The soak test: many writer processes on one database at once, then a check of what stayed.

Run by `make soak` (`python -m tests.soak --database sqlite|postgresql --writers 8 --seconds 60`),
never by `make test` (its quick test, `test_soak.py`, runs the same machinery for a few
seconds). Each writer (`writer.py`, one process each) creates, edits the same shared records
with the version it read, moves introductions through the stage rules, imports small CSV
files, trashes, restores and purges, through the services and some through the `crm`
command, and keeps a journal (JSON lines) of every change it committed and every refusal it
saw. `check.py` then compares the final database with the journals.
"""
