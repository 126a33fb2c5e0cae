#!/usr/bin/env bash
# Build the frozen app in its own environment and smoke-test it (run by .ci/run after the
# tests; about a minute on two cores). Usage: packaging/ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x .venv-pack/bin/python ]]; then
  python3 -m venv .venv-pack
fi
.venv-pack/bin/python -m pip install -q --upgrade pip
.venv-pack/bin/python -m pip install -q ".[pack]"
.venv-pack/bin/python packaging/smoke_test.py --python .venv/bin/python --runs 3
