"""Outcome measures clinicians use (DESIGN 5.6) and relief after a treatment (DESIGN 5.10).

Pure Python: the types (:mod:`.model`), the Zurich Claudication Questionnaire
(:mod:`.zcq`), "My activities" (:mod:`.psfs`) and relief days (:mod:`.relief`).
"""
