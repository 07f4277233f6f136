"""The bundle's entry point: `felt` as the installed console script runs it."""

import sys

from desktop.main import main

sys.exit(main())
