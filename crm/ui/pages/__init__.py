"""The pages of the main window: dashboard, record lists, trash."""
