"""Allow ``python -m workflow``."""

import sys

from workflow.cli import main

sys.exit(main())
