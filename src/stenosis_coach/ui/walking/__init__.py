"""The walking screens: the Walk page, logging a walk, and the live walk coach (issue 5)."""
