"""A data folder (DESIGN 4.4): the CSV files ``export`` writes, read back for ``import``.

Pure: it is given the files' bytes and gives the history to store, or every problem."""

from stenosis_coach.core.datafolder.counts import counted_text
from stenosis_coach.core.datafolder.folder import (
    COLUMNS,
    EXPORTED,
    WALK_DIARY_COLUMNS,
    DataFolder,
    parse_folder,
)
from stenosis_coach.core.datafolder.tables import FolderError, FolderProblem

__all__ = [
    "COLUMNS",
    "EXPORTED",
    "WALK_DIARY_COLUMNS",
    "DataFolder",
    "FolderError",
    "FolderProblem",
    "counted_text",
    "parse_folder",
]
