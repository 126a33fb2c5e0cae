#!/bin/sh
# Remove Stenosis Coach as installed by install.sh (per user, no root).
#
#   ~/.local/opt/stenosis-coach/uninstall.sh
#
# Your data (exercise history, walks, settings, backups in ~/.local/share/stenosis-coach
# and ~/.config/stenosis-coach) is KEPT; delete those folders yourself if you want it gone.
# Uses the same STENOSIS_COACH_PREFIX, STENOSIS_COACH_BIN_DIR and XDG_DATA_HOME as install.sh.
set -eu

APP_ID=io.github.stenosiscoach.StenosisCoach
EXE_NAME=stenosis-coach
: "${HOME:?HOME is not set}"
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${STENOSIS_COACH_PREFIX:-$HOME/.local/opt/stenosis-coach}
BIN_DIR=${STENOSIS_COACH_BIN_DIR:-$HOME/.local/bin}

say() { printf '%s\n' "$*"; }

case "$PREFIX" in
    / | "$HOME" | "$HOME"/ | "$DATA_HOME" | "$BIN_DIR" | "") say "refusing to remove '$PREFIX'" >&2; exit 1 ;;
esac

LINK="$BIN_DIR/$EXE_NAME"
if [ -L "$LINK" ] && [ "$(readlink -- "$LINK")" = "$PREFIX/$EXE_NAME" ]; then
    rm -f -- "$LINK"
fi
rm -f -- "$DATA_HOME/applications/$APP_ID.desktop" \
    "$DATA_HOME/metainfo/$APP_ID.metainfo.xml" \
    "$DATA_HOME/mime/packages/$APP_ID.xml"
for icon in "$DATA_HOME"/icons/hicolor/*/apps/"$APP_ID".png "$DATA_HOME"/icons/hicolor/*/apps/"$APP_ID".svg; do
    if [ -e "$icon" ]; then rm -f -- "$icon"; fi
done
# Only remove the folder if it is really the app (it has our executable in it).
if [ -x "$PREFIX/$EXE_NAME" ]; then
    rm -rf -- "$PREFIX"
fi

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA_HOME/mime" ]; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
    update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA_HOME/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi

say "Stenosis Coach is removed. Your data was kept (see ~/.local/share/stenosis-coach)."
