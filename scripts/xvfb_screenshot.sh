#!/usr/bin/env bash
# Run the real app on a virtual X screen and save a screenshot of the whole screen.
# Usage: scripts/xvfb_screenshot.sh OUT.png [app arguments...]
# Needs: xvfb, xauth, imagemagick (import) — apt-get install -y xvfb xauth imagemagick
set -euo pipefail
out="$1"; shift
app="${STENOSIS_COACH_BIN:-.venv/bin/stenosis-coach}"
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1280x860x24" bash -c "
  '$app' $* & pid=\$!
  sleep \${SHOT_DELAY:-4}
  import -window root '$out'
  kill \$pid; wait \$pid 2>/dev/null || true
"
echo "$out"
