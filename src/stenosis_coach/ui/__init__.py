"""The Qt shell: windows, pages and widgets that display state and forward user intent."""

from stenosis_coach.ui.refcounts import protect_singletons

# Before any Qt call: PySide6 6.12 on Python 3.11 runs None's and True's counts down.
protect_singletons()
