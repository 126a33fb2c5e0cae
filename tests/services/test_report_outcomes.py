"""Report page 1 from a 16-week demo (issue 15): is it working by walking and by the ZCQ,
and did the epidural help and for how long?"""

from stenosis_coach.core.daily import TreatmentKind
from stenosis_coach.services import demo
from stenosis_coach.services.report import report_for


def test_page_one_answers_by_walking_by_the_zcq_and_the_epidurals_relief(db, clock):
    demo.fill_demo(db, 16, seed=3, now=clock.now())
    page = report_for(db, clock.now()).page1
    zcq, activities = page.outcomes
    assert zcq.startswith("Zurich Claudication Questionnaire, ") and "symptom severity" in zcq
    assert activities.startswith("My activities, ")
    [epidural] = [t for t in page.treatments if t.event.kind is TreatmentKind.EPIDURAL_INJECTION]
    assert epidural.relief_text  # said beside its walking before/after
    assert page.clinician_line.startswith("For the clinician: ")
    assert page.opioid_line.startswith("Opioids: ")
