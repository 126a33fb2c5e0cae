"""Walking: the walk record, the prescription replay (DESIGN 5.1) and the diary CSV (4.3)."""
