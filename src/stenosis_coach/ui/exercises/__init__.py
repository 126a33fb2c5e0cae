"""The exercise screens: routines, the library, and the session player (issue 4)."""
