"""The walk history as a table model (thousands of walks stay fast to show)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from stenosis_coach.core.clock import LOCAL
from stenosis_coach.core.walking.model import StoredWalk, WalkKind
from stenosis_coach.core.words import day_text, minutes_text, spoken_text
from stenosis_coach.i18n import N_, _, pgettext

# Column headers, translated where shown (headerData).
COLUMNS = (
    N_("Date"),
    N_("Kind"),
    N_("Walked"),
    N_("Until symptoms"),
    N_("Rests"),
    N_("Leg pain"),
    N_("Source"),
)
Index = QModelIndex | QPersistentModelIndex


def row_text(stored: StoredWalk) -> tuple[str, ...]:
    walk = stored.walk
    local = walk.start.astimezone(LOCAL)
    pain = (_("{pain}/10 (flare next day)") if walk.next_day_flare else "{pain}/10").format(
        pain=walk.peak_leg_pain
    )
    return (
        day_text(local, year=True),
        _("Walking test") if walk.kind is WalkKind.TEST else _("Training walk"),
        minutes_text(walk.total_walk_s),
        minutes_text(walk.tfs_s) if walk.tfs_s is not None else _("no symptoms"),
        "" if walk.rests is None else str(walk.rests),
        pain,
        # Where the walk came from: a diary file, or coached by the app.
        pgettext("walk source", "diary") if walk.imported else pgettext("walk source", "app"),
    )


class WalkHistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[StoredWalk] = []
        self._text: list[tuple[str, ...]] = []

    def set_walks(self, walks: list[StoredWalk]) -> None:
        self.beginResetModel()
        self._rows = walks
        self._text = [row_text(w) for w in walks]
        self.endResetModel()

    def walk_at(self, row: int) -> StoredWalk:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:  # "4 minutes 30 seconds", not "4:30"
            return spoken_text(self._text[index.row()][index.column()])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None
