"""The English of each coded error is written once (crm.domain.messages) and fills `str()`."""

from __future__ import annotations

import re

import pytest

from crm.domain import messages
from crm.domain.errors import DeskError, coded


@pytest.mark.parametrize("code", sorted(messages.ERRORS))
def test_each_template_names_exactly_its_params(code):
    template, names = messages.ERRORS[code]
    numbers = {int(n) for n in re.findall(r"%(\d+)", template)}
    assert numbers == set(range(1, len(names) + 1)), template
    assert len(set(names)) == len(names)


def test_a_coded_error_says_its_template_filled_and_keeps_code_and_params():
    exc = coded("csv.extra_cells", file="a.csv", line=3, cells=5, columns=4)
    assert isinstance(exc, DeskError)
    assert exc.code == "csv.extra_cells"
    assert exc.params == {"file": "a.csv", "line": "3", "cells": "5", "columns": "4"}
    assert (
        str(exc)
        == exc.message
        == (
            "a.csv, line 3 has 5 cells but the header line names 4 columns "
            "(a delimiter or a quote out of place?)."
        )
    )


def test_a_value_holding_a_placeholder_is_not_filled_again():
    exc = coded("csv.duplicate_header", file="100%2.csv", header="Name")
    assert str(exc) == (
        "100%2.csv: the column “Name” appears twice in the header line; "
        "rename or remove one of them."
    )


def test_an_unknown_code_is_a_bug_not_a_silent_sentence():
    with pytest.raises(KeyError):
        coded("no.such_code")


def test_the_services_raise_the_table_s_english(tmp_path):
    from crm.services import csv_import

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DeskError) as info:
        csv_import.read_source(empty, "contacts")
    assert info.value.code == "csv.empty"
    assert str(info.value) == messages.english("csv.empty", {"file": str(empty)})
    assert str(info.value) == f"{empty} is empty: it has no header line."
