"""Starts the cooperation desk: `python main.py [crm options]` is `crm gui`."""

import sys

from crm.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
