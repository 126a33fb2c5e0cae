"""One way for every table and list in the app (walks, daily logs, treatments, exercises,
the therapist's routines and steps): Tab goes on to the buttons after it, never cell by
cell; the arrow keys move from row to row; a whole row is chosen, one at a time.

UI.md: every action reachable by keyboard. A table that keeps Tab (Qt's default for
tables) hides "Correct…" and "Delete" below it from someone using only the keyboard.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView

View = TypeVar("View", bound=QAbstractItemView)


def rows_view(view: View) -> View:
    """Set ``view`` up as a list of rows to choose from (see the module's words)."""
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view
