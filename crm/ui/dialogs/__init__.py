"""Dialogs: record editors, preferences, first start, about."""
