"""Red-flag screening screens and the controller that decides when they appear (issue 3)."""
