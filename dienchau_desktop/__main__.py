"""`python -m dienchau_desktop`: the same as the `dienchau-desktop` command."""

import sys

from dienchau_desktop.cli import main

sys.exit(main())
