"""The user guide inside the app (Help → User guide, F1): its words (:mod:`.guide`, pure
Python) and its window (:mod:`.window`)."""
