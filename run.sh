#!/usr/bin/env bash
# Set up (first time) and open Stenosis Coach. Extra arguments go to the app,
# e.g. ./run.sh --data-dir /tmp/try-it
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
exec .venv/bin/stenosis-coach "$@"
