#!/usr/bin/env bash
# Write the message catalogue template resources/locale/stenosis_coach.pot from every
# sentence marked for translation in src/ (stenosis_coach.i18n: _, N_, ngettext, pgettext)
# and the texts that live in shipped JSON: the built-in exercises and routines
# (core.exercises.library.catalogue_messages) and the cues' on-screen words
# (resources/sounds/cues.json, shown through ui.cues.cue_text).
# Run after changing words; a translator starts a language from the .pot
# (`.venv/bin/pybabel init -i resources/locale/stenosis_coach.pot -d resources/locale -D stenosis_coach -l es`)
# and `.venv/bin/pybabel compile -d resources/locale -D stenosis_coach` makes the .mo the app reads.
# A `# Translators: ...` comment on the line(s) just above a message reaches the .pot as a
# note for the translator (`#.`): write one where a message is only layout ("{scale}: {value}")
# or needs its context. Give a path to write the template elsewhere (the tests do).
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/../resources/locale/stenosis_coach.pot}")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The built-in texts, written as N_() calls the extractor reads like any other source.
.venv/bin/python - "$work/builtin_texts.py" <<'PY'
import json
import sys
from stenosis_coach.core.exercises.library import catalogue_messages
from stenosis_coach.resources import resource_path
cues = json.loads(resource_path("sounds", "cues.json").read_text(encoding="utf-8"))
texts = [*catalogue_messages(), *(cue["text"] for cue in cues.values() if cue.get("text"))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for text in dict.fromkeys(texts):
        out.write(f"N_({text!r})\n")
PY
.venv/bin/pybabel -q extract --no-location --sort-output --omit-header \
    --keywords "_ N_ ngettext:1,2 pgettext:1c,2" --no-default-keywords \
    --add-comments=Translators: \
    --project "Stenosis Coach" --charset utf-8 \
    --output-file "$out" src/stenosis_coach "$work/builtin_texts.py"
echo "wrote $out ($(grep -c '^msgid ' "$out") messages)"
