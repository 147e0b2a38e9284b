"""Every JSON body the API reads as named fields must be an object: an array, a number or ``null`` is
refused with what the body must be, never read as an object with every field left out."""

from __future__ import annotations

import inspect
import typing

import pytest
from ninja import Schema

from talentdrive.api.main import api
from talentdrive.api.schemas.bodies import ObjectIn
from talentdrive.audit.models import AuditEvent
from talentdrive.plans.models import Requisition


def _body_schemas() -> list[tuple[str, type[Schema]]]:
    """Each operation's JSON body schemas, as the API reads them (query, path and form parameters aside)."""
    found = []
    for prefix, router in api._routers:
        for path, operations in router.path_operations.items():
            for operation in operations.operations:
                hints = typing.get_type_hints(operation.view_func)
                for model in operation.models:
                    if getattr(model, "__ninja_param_source__", None) != "body":
                        continue
                    for name in model.model_fields:
                        hint = hints.get(name)
                        if inspect.isclass(hint) and issubclass(hint, Schema):
                            found.append((f"{'/'.join(operation.methods)} {prefix}{path}", hint))
    return found


def test_every_json_body_of_the_api_is_read_as_an_object_only():
    schemas = _body_schemas()
    assert len(schemas) >= 10  # the listing found the API's bodies
    loose = [f"{where}: {schema.__name__}" for where, schema in schemas if not issubclass(schema, ObjectIn)]
    assert loose == []


@pytest.mark.parametrize("body", ["[]", "null", "7", '"title_en"'])
def test_a_requisition_update_that_is_not_an_object_is_refused_and_changes_nothing(
    client, tokens, requisitions, body
):
    # given a draft requisition the recruiter may change
    requisition = requisitions["draft"]
    before = Requisition.objects.values().get(pk=requisition.pk)
    events = AuditEvent.objects.count()
    # when the body of an update is JSON, but not an object of named fields
    response = client.patch(
        f"/api/requisitions/{requisition.pk}",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {tokens['recruiter']}",
    )
    # then it is refused saying what the body must be, and nothing changed
    assert response.status_code == 400, response.content
    assert "must be a JSON object" in response.json()["message"]
    assert Requisition.objects.values().get(pk=requisition.pk) == before
    assert AuditEvent.objects.count() == events
