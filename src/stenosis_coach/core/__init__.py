"""The product's rules, in plain Python: no Qt, no SQL.

Everything here is tested without a GUI; a test imports this package with PySide6 blocked.
"""
