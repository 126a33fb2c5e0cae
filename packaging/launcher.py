"""Entry script for the frozen app: the same ``main`` as the ``stenosis-coach`` command.

With no arguments (or a ``.scplan.json`` file) it opens the window; with a subcommand it
runs headless, exactly like ``python -m stenosis_coach``.
"""

import sys

from stenosis_coach.cli import main

if __name__ == "__main__":
    sys.exit(main())
