"""The desktop windows of the desk (Qt only): main window, pages, table models, dialogs."""
