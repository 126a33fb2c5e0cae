"""The appointment report: the page in the app and the PDF renderer (issue 7)."""
