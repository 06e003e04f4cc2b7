"""Privacy: access reports, forgetting a person, roles."""
