"""Exercises and routines: the library, routine steps, and the session engine (DESIGN 5.2)."""
