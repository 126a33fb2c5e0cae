"""The questionnaires a patient answers (issue 15)."""
