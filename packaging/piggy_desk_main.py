"""The bundle's entry point: what the ``piggy-desk`` console script does."""

import sys

from piggy_desk.app import main

if __name__ == "__main__":
    sys.exit(main())
