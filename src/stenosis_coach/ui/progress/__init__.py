"""Progress: the daily log, treatment events and the plots over weeks (issue 6)."""
