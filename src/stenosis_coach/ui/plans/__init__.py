"""Importing a therapist's plan file: the preview and the import (issue 8)."""
