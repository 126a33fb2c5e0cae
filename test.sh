#!/usr/bin/env bash
# Set up (first time) and run the whole test suite offscreen, then the linter.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh --dev
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/ruff check src tests bench scripts
.venv/bin/python -m pytest "$@"
