"""``python -m stenosis_coach`` runs the same entry point as ``stenosis-coach``."""

import sys

from stenosis_coach.cli import main

sys.exit(main())
