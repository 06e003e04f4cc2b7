"""Plain-Python rules of the desk: enums, value checks, text folding, what new records infer
and start from (`inference`). No SQLAlchemy, no Qt."""
