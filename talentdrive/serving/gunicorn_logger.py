"""gunicorn's access log without status links or email addresses (see ``talentdrive.logredact``)."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from talentdrive.logredact import redact


class RedactingLogger(Logger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        # Every atom: the URL is in the request line, the path, the query, the referrer and the
        # environment and header atoms a custom format may name.
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}
