"""Each engine event is stored under a kind it declares, never under its class name (issue 14).

The kinds are a contract with every database written so far: crash recovery, the history
and the export read them back. A class renamed keeps its kind; a kind never changes.
"""

import dataclasses
import inspect

import pytest

from stenosis_coach.core.exercises import engine as exercise_engine
from stenosis_coach.core.walking import engine as walk_engine

# The names older versions stored (each class's name snake-cased), frozen: a kind that
# differs from these would leave every existing database unread.
STORED_BY_OLDER_VERSIONS = {
    walk_engine: {
        "WalkStarted": "walk_started",
        "BoutStarted": "bout_started",
        "BoutEnded": "bout_ended",
        "RestStarted": "rest_started",
        "RestEnded": "rest_ended",
        "SymptomsStarted": "symptoms_started",
        "ReadyRefused": "ready_refused",
        "Paused": "paused",
        "Resumed": "resumed",
        "WalkFinished": "walk_finished",
        "OfferRedFlagCheck": "offer_red_flag_check",
        "Cue": "cue",
    },
    exercise_engine: {
        "SessionStarted": "session_started",
        "StepStarted": "step_started",
        "StepDone": "step_done",
        "StepSkipped": "step_skipped",
        "SteppedBack": "stepped_back",
        "Paused": "paused",
        "Resumed": "resumed",
        "Hurt": "hurt",
        "SessionFinished": "session_finished",
        "Cue": "cue",
    },
}
BASES = {walk_engine: walk_engine.WalkEvent, exercise_engine: exercise_engine.Event}
ENGINES = list(BASES)


def event_classes(module):
    base = BASES[module]
    return {
        name: cls
        for name, cls in vars(module).items()
        if inspect.isclass(cls)
        and issubclass(cls, base)
        and cls is not base
        and cls.__module__ == module.__name__
        and dataclasses.is_dataclass(cls)
    }


@pytest.mark.parametrize("module", ENGINES, ids=lambda m: m.__name__.rsplit(".", 2)[-2])
def test_every_event_class_declares_its_own_kind(module):
    missing = [name for name, cls in event_classes(module).items() if "KIND" not in vars(cls)]
    assert missing == []


@pytest.mark.parametrize("module", ENGINES, ids=lambda m: m.__name__.rsplit(".", 2)[-2])
def test_no_two_events_of_an_engine_share_a_kind(module):
    kinds = [cls.KIND for cls in event_classes(module).values()]
    assert len(kinds) == len(set(kinds))
    assert {cls.KIND: cls for cls in event_classes(module).values()} == module.EVENT_KINDS


@pytest.mark.parametrize("module", ENGINES, ids=lambda m: m.__name__.rsplit(".", 2)[-2])
def test_every_kind_is_the_one_older_versions_stored(module):
    found = {name: cls.KIND for name, cls in event_classes(module).items()}
    assert found == STORED_BY_OLDER_VERSIONS[module]


def test_a_registry_refuses_two_events_of_one_kind():
    from stenosis_coach.core.session_events import event_kinds

    @dataclasses.dataclass(frozen=True)
    class Twin(walk_engine.Resumed):
        KIND = "paused"

    with pytest.raises(ValueError, match="paused"):
        event_kinds(walk_engine.Paused, Twin)


def test_a_registry_refuses_an_event_without_its_own_kind():
    from stenosis_coach.core.session_events import event_kinds

    @dataclasses.dataclass(frozen=True)
    class Nameless(walk_engine.WalkEvent):
        pass

    with pytest.raises(ValueError, match="Nameless"):
        event_kinds(Nameless)


def test_the_recorder_stores_the_declared_kind_not_the_class_name(db, clock):
    from stenosis_coach.services.recording import SessionRecorder
    from stenosis_coach.storage.sessions_repo import SessionRepository

    @dataclasses.dataclass(frozen=True)
    class RenamedBoutBegan(walk_engine.BoutStarted):  # the class renamed, as a refactor would
        pass

    rec = SessionRecorder(db, clock)
    sid = rec.start("walk", "Training walk")
    rec.record(RenamedBoutBegan(0.0, 1, None))
    kinds = [e.kind for e in SessionRepository(db).events(sid)]
    assert kinds == ["started", "bout_started"]
