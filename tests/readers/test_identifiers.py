"""Identifiers as printed (``DOI : 10.…``, a resolver's URL, a hyphenated ISBN, a lower-case ISSN
check digit) read into the IR's form; a wrong check digit or a non-DOI is no identifier."""

from __future__ import annotations

import pytest

from bookmaker.identifiers import DOI_LINE, doi, identifier


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("https://doi.org/10.1000/xyz123.", "10.1000/xyz123"),
        ("doi:10.16981/kliss.57.4.202612.123", "10.16981/kliss.57.4.202612.123"),
        ("(http://dx.doi.org/10.1037/0003-066X.55.1.68)", "10.1037/0003-066X.55.1.68"),
        ("10.1234 is not one", None),
    ],
)
def test_a_doi_in_text(text: str, value: str | None) -> None:
    assert doi(text) == value


@pytest.mark.parametrize(
    "line",
    [
        "DOI : 10.16981/kliss.57.4.202612.123",
        "https://doi.org/10.1000/xyz",
        "doi: 10.1000/xyz.",
        "DOI：10.1000/x",
    ],
)
def test_a_line_that_gives_a_doi_alone(line: str) -> None:
    assert DOI_LINE.match(line)


@pytest.mark.parametrize("line", ["DOI 보기", "10.1000/xyz 외 다수의 연구에서", "Ryan (2000). doi:10.1037/x"])
def test_a_line_that_says_more(line: str) -> None:
    assert not DOI_LINE.match(line)


def test_isbn_and_issn_in_their_ir_form() -> None:
    isbn = identifier("isbn", "ISBN 978-89-364-3426-7")
    issn = identifier("issn", "ISSN 1225-598x")
    assert isbn is not None and isbn.value == "9788936434267"
    assert issn is not None and issn.value == "1225-598X"
    assert identifier("isbn", "978-89-364-3426-0") is None  # wrong check digit
    assert identifier("doi", "kliss.57.4") is None
