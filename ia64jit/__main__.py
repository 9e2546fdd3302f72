"""``python -m ia64jit``: the same as the ``ia64jit`` command."""

import sys

from ia64jit.cli import main

if __name__ == "__main__":
    sys.exit(main())
