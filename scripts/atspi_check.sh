#!/usr/bin/env bash
# Check that screen readers can see Stenosis Coach through AT-SPI (Linux; see
# scripts/atspi_check.py for what it does and the options).
# Usage: scripts/atspi_check.sh [--app PATH/TO/stenosis-coach] [--timeout 60] [--verbose]
# It must run under Debian's /usr/bin/python3 (python3-pyatspi), not the app's venv python.
set -euo pipefail
exec /usr/bin/python3 "$(dirname "$0")/atspi_check.py" "$@"
