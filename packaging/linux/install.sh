#!/bin/sh
# Install Stenosis Coach for the current user: no root, nothing outside your home folder.
#
#   ./install.sh            from the unpacked stenosis-coach-<version>-linux-<arch> folder
#
# Puts the app in ~/.local/opt/stenosis-coach, a `stenosis-coach` link in ~/.local/bin,
# and the menu entry, icon, AppStream metadata and the .scplan.json file type in
# ~/.local/share. Running it again updates the app in place. Your data is not touched
# (it lives in ~/.local/share/stenosis-coach). Undo with ~/.local/opt/stenosis-coach/uninstall.sh.
#
# Override the places with STENOSIS_COACH_PREFIX, STENOSIS_COACH_BIN_DIR and XDG_DATA_HOME.
set -eu

APP_ID=io.github.stenosiscoach.StenosisCoach
EXE_NAME=stenosis-coach
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
: "${HOME:?HOME is not set}"
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${STENOSIS_COACH_PREFIX:-$HOME/.local/opt/stenosis-coach}
BIN_DIR=${STENOSIS_COACH_BIN_DIR:-$HOME/.local/bin}

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[ -x "$HERE/$EXE_NAME/$EXE_NAME" ] || die "no app found in $HERE/$EXE_NAME (run this script from the unpacked tarball)"
case "$PREFIX" in
    /*) ;;
    *) die "STENOSIS_COACH_PREFIX must be an absolute path (got '$PREFIX')" ;;
esac
case "$PREFIX" in
    / | "$HOME" | "$HOME"/ | "$DATA_HOME" | "$BIN_DIR") die "refusing to install into $PREFIX" ;;
esac
if [ "$(id -u)" = 0 ]; then
    say "Note: running as root installs for root only ($HOME). Run it as yourself instead."
fi

# 1. The app folder: copy next to the old one, then swap, so a failed copy changes nothing.
mkdir -p "$(dirname -- "$PREFIX")"
rm -rf -- "$PREFIX.new" "$PREFIX.old"
cp -R -- "$HERE/$EXE_NAME" "$PREFIX.new"
cp -- "$HERE/uninstall.sh" "$PREFIX.new/uninstall.sh"
chmod 755 "$PREFIX.new/uninstall.sh"
if [ -e "$PREFIX" ]; then
    mv -- "$PREFIX" "$PREFIX.old"
fi
mv -- "$PREFIX.new" "$PREFIX"
rm -rf -- "$PREFIX.old"
say "Installed the app in $PREFIX"

# 2. The command: a link in ~/.local/bin (never replacing a file that is not our link).
mkdir -p "$BIN_DIR"
LINK="$BIN_DIR/$EXE_NAME"
if [ -L "$LINK" ] || [ ! -e "$LINK" ]; then
    ln -sfn -- "$PREFIX/$EXE_NAME" "$LINK"
    say "Linked $LINK"
else
    say "Left $LINK alone (it is not a link made by this installer); the app is $PREFIX/$EXE_NAME"
fi

# 3. Menu entry: Exec points at the installed file, so it works even when ~/.local/bin is not
#    on the desktop session's PATH. Paths with characters that need escaping keep the plain
#    command name instead.
EXEC="$PREFIX/$EXE_NAME"
case "$EXEC" in
    *[\"\`\$\\\|\&]*) EXEC=$EXE_NAME ;;
    *" "*) EXEC="\"$EXEC\"" ;;
esac
mkdir -p "$DATA_HOME/applications"
sed "s|^Exec=$EXE_NAME |Exec=$EXEC |" "$HERE/share/applications/$APP_ID.desktop" \
    > "$DATA_HOME/applications/$APP_ID.desktop"
chmod 644 "$DATA_HOME/applications/$APP_ID.desktop"

# 4. AppStream metadata (software centres), the file type, the icons.
mkdir -p "$DATA_HOME/metainfo" "$DATA_HOME/mime/packages"
cp -- "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
cp -- "$HERE/share/mime/packages/$APP_ID.xml" "$DATA_HOME/mime/packages/"
for dir in "$HERE"/share/icons/hicolor/*/apps; do
    size=$(basename -- "$(dirname -- "$dir")")
    mkdir -p "$DATA_HOME/icons/hicolor/$size/apps"
    cp -- "$dir"/* "$DATA_HOME/icons/hicolor/$size/apps/"
done
say "Added the menu entry, icon and the .scplan.json file type in $DATA_HOME"

# 5. Refresh the desktop's caches, where those tools exist (none of them is required).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || say "(update-mime-database failed; ignored)"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || say "(update-desktop-database failed; ignored)"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi

case ":${PATH:-}:" in
    *":$BIN_DIR:"*) say "Done. Start Stenosis Coach from your applications menu, or type: $EXE_NAME" ;;
    *) say "Done. Start Stenosis Coach from your applications menu, or type: $LINK"
       say "($BIN_DIR is not on your PATH; add it to use the short command '$EXE_NAME'.)" ;;
esac
