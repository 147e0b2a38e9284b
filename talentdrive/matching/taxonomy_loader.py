"""The Django side of the skill taxonomy: the shipped data plus the administrators' directories."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from talentdrive.taxonomy.model import Taxonomy, load_taxonomy


def get_taxonomy() -> Taxonomy:
    """The taxonomy for this deployment: shipped YAML amended by ``TALENTDRIVE_TAXONOMY_DIRS``.

    Cached by the core (keyed by file paths and modification times), so calling it per request is cheap
    and an edited administrator file takes effect on the next call.
    """
    directories = getattr(settings, "TALENTDRIVE_TAXONOMY_DIRS", ()) or ()
    return load_taxonomy(tuple(Path(directory) for directory in directories))
