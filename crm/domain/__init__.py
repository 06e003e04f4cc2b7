"""Plain-Python rules of the desk: enums, value checks, text folding, what new records infer
and start from (`inference`), the errors and the English of each coded one (`errors`,
`messages`). No SQLAlchemy, no Qt."""
