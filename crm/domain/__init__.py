"""Plain-Python rules of the desk: enums, value checks, text folding. No SQLAlchemy, no Qt."""
