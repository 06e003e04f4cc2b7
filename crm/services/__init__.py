"""Use cases of the desk, shared by the window, the command line and the tests. No Qt here.

Each function takes an open `Session` (the caller owns the transaction: one per user action,
`with db.write() as session:`) and the id of the staff user acting, validates, writes the
audit trail and keeps the search index in step.
"""
