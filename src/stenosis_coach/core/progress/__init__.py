"""Progress: is conservative care working (the verdict, DESIGN 5.3) and the signs that it is
time to talk to a clinician (DESIGN 5.4). Pure, exact arithmetic over walk records."""
