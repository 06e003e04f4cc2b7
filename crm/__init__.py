"""The cooperation desk: a bilingual CRM for BIOQuébec and MassBio staff."""

__version__ = "0.1.0"
