#!/usr/bin/env bash
# Set up everything Stenosis Coach needs on Debian/Ubuntu: the Qt system libraries
# (shared/DESIGN.md section 6), a virtualenv in .venv, and the app installed into it.
# Usage: scripts/bootstrap.sh [--dev]     (--dev adds the test tools and poppler/xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[[ "${1:-}" == "--dev" ]] && DEV=1

# Qt 6 needs these on a minimal Debian 12 (offscreen, X11 window, sound cues).
APT_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libx11-6 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 libpulse0
  libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
  libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 fonts-dejavu-core
)
if [[ $DEV == 1 ]]; then
  # pdftotext/pdftoppm for report tests; Xvfb for screenshots of the real window;
  # the desktop-entry, AppStream and MIME tools check the packaging files.
  APT_PACKAGES+=(poppler-utils xvfb xauth desktop-file-utils appstream shared-mime-info binutils)
fi

if command -v apt-get >/dev/null 2>&1; then
  # One dpkg-query for all of them (a few milliseconds): later starts stay fast.
  installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${APT_PACKAGES[@]}" 2>/dev/null \
    | awk '/install ok installed/ {print $1}' | sed 's/:.*//') || true
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    grep -qx -- "$pkg" <<<"$installed" || missing+=("$pkg")
  done
  if (( ${#missing[@]} )); then
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
else
  echo "Not a Debian-like system: skipping system packages (Windows/macOS need none)."
fi

PYTHON="${PYTHON:-python3}"
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi

# Reinstall only when the project changed: a stamp holds a fingerprint of what pip would
# install (pyproject.toml, the sources and resources, and the kind of install). A second
# ./run.sh then starts the app as fast as the installed command does.
fingerprint() {
  {
    echo "dev=$DEV"
    .venv/bin/python -c 'import sys; print(sys.version)'
    # An editable (--dev) install reads src/ and resources/ in place: only pyproject counts.
    if [[ $DEV == 1 ]]; then
      sha256sum pyproject.toml
    else
      find pyproject.toml src resources -type f ! -name '*.pyc' ! -path '*/__pycache__/*' \
        -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    fi
  } | sha256sum | cut -d' ' -f1
}
STAMP=.venv/.stenosis-coach-installed
wanted=$(fingerprint)
if [[ -f $STAMP && "$(cat "$STAMP")" == "$wanted" ]]; then
  exit 0
fi
rm -f "$STAMP"
.venv/bin/python -m pip install --quiet --upgrade pip
if [[ $DEV == 1 ]]; then
  .venv/bin/python -m pip install --quiet -e ".[dev]"
else
  .venv/bin/python -m pip install --quiet .
fi
echo "$wanted" >"$STAMP"
