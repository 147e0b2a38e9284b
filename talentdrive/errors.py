"""One vocabulary for refusals by a domain rule: a stable code for programs, a sentence for people.

A ``DomainError`` subclass lists every code it may carry with its message; raising one with a code it
does not list is a bug and fails at once, so no caller ever shows a generic fallback sentence. The
message is translated lazily: it reads in whichever language is active where it is shown (the
candidate's page, the API request's language), not where it was raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from django.utils.functional import Promise, lazy


def _render(template: str | Promise, params: Mapping[str, Any]) -> str:
    text = str(template)
    return text % dict(params) if params else text


_render_lazy = lazy(_render, str)


class UnknownErrorCode(LookupError):
    """A domain error was raised with a code its class does not define."""


class DomainError(Exception):
    """Base of every refusal a domain rule makes.

    ``code`` is stable (programs and tests switch on it); ``message`` is the translated sentence with
    ``params`` filled in; ``field`` names the input it is about, when it is about one.
    """

    messages: ClassVar[Mapping[str, str | Promise]] = {}

    def __init__(
        self,
        code: str,
        *,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
        detail: str = "",
    ) -> None:
        if code not in self.messages:
            raise UnknownErrorCode(f"{type(self).__name__} has no code {code!r}")
        self.code = code
        self.field = field
        self.params: dict[str, Any] = dict(params or {})
        # For logs and developers only, never shown: the message is what people read.
        self.detail = detail
        self.message: str = _render_lazy(self.messages[code], self.params)
        super().__init__(f"{code}: {detail}" if detail else code)

    @classmethod
    def codes(cls) -> frozenset[str]:
        return frozenset(cls.messages)
