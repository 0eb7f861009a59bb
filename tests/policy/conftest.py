"""Helpers for the policy pages: post the editor back with some fields changed."""

from pathlib import Path

import pytest
from django import forms
from django.urls import reverse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _bound_values(form, data: dict) -> None:
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = value


def editor_post_data(response) -> dict:
    """Return the POST data the editor page would send unchanged."""
    editor = response.context["editor"]
    data = {"loaded_at": response.context["loaded_at"]}
    _bound_values(editor.form, data)
    _bound_values(editor.custom.management_form, data)
    for form in editor.custom.forms:
        _bound_values(form, data)
    return data


@pytest.fixture
def url(org):
    def _url(name: str, **kwargs) -> str:
        return reverse(name, kwargs={"org_slug": org.slug, **kwargs})

    return _url


@pytest.fixture
def edit_policy(url):
    """Return a function: (client, **changes) -> response of saving the editor with changes."""

    def _edit(client, **changes):
        page = client.get(url("policy_edit"))
        assert page.status_code == 200
        data = editor_post_data(page)
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        return client.post(url("policy_edit"), data)

    return _edit
