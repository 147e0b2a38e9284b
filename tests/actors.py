"""The actor that tests act as when no staff member is part of the case."""

from talentdrive.audit.actors import system_actor

TEST_ACTOR = system_actor("test")
