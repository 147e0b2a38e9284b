"""What a JSON request body the API reads as named fields must be: an object."""

from __future__ import annotations

from typing import Any, Self

from ninja import Schema
from pydantic import ModelWrapValidatorHandler, model_validator
from pydantic_core import PydanticCustomError


class ObjectIn(Schema):
    """A request body of named fields. A schema reads its fields as attributes of whatever it is given, so
    without this a list, a number or ``null`` would pass as an object with every field left out (and a body
    whose fields all have defaults would run on the defaults, as if nothing was wrong)."""

    # A wrap validator, so that it sees the body as sent: it runs around the schema's own reading of it.
    @model_validator(mode="wrap")
    @classmethod
    def _is_an_object(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        if not isinstance(data, dict | cls):
            raise PydanticCustomError(
                "object_expected",
                "the body must be a JSON object of named fields, not {kind}",
                {"kind": _json_kind(data)},
            )
        return handler(data)


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__
