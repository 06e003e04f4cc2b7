"""Table models over the paged list queries of `crm.services.listing`."""
