#!/usr/bin/env bash
# Set up (first time), check style, layer rules and types, then run the whole test suite
# offscreen. Any check that fails stops the run (docs/architecture.md says what they check).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh --dev
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/ruff check src tests bench scripts
echo "== Layer rules (import-linter, contracts in pyproject.toml)"
.venv/bin/lint-imports --no-logo --no-cache
echo "== Types (mypy: strict on core, services and i18n; config in pyproject.toml)"
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
