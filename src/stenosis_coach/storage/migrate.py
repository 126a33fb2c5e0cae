"""Bring a database to this app's schema with Alembic (imported only when needed)."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

log = logging.getLogger(__name__)

SCRIPT_LOCATION = "stenosis_coach.storage:migrations"


def alembic_config():  # -> alembic.config.Config, imported lazily (it is slow to import)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (tests pass an older one to build old files)."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    log.info("database schema upgraded to %s", revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head
