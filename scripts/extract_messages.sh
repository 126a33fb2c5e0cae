#!/usr/bin/env bash
# Write the message catalogue template resources/locale/stenosis_coach.pot from every
# sentence marked for translation in src/ (stenosis_coach.i18n: _, N_, ngettext, pgettext).
# Run after changing words; a translator starts a language from the .pot
# (`pybabel init -i resources/locale/stenosis_coach.pot -d resources/locale -D stenosis_coach -l es`)
# and `pybabel compile -d resources/locale -D stenosis_coach` makes the .mo the app reads.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pybabel -q extract --no-location --sort-output --omit-header \
    --keywords "_ N_ ngettext:1,2 pgettext:1c,2" --no-default-keywords \
    --project "Stenosis Coach" --charset utf-8 \
    --output-file resources/locale/stenosis_coach.pot src/stenosis_coach
echo "wrote resources/locale/stenosis_coach.pot ($(grep -c '^msgid ' resources/locale/stenosis_coach.pot) messages)"
