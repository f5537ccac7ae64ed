"""The one normal form answers and leak checks compare in: ASCII text takes a faster path than the
rest, and both must give the same kind of result."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.normalise import normal_form
from quizgen.textsafe import visible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Qods-Force ", "qods force"),
        ("the Qods–Force", "qods force"),  # an en dash: the non-ASCII path
        ("Skłodowska-Curie", "sklodowska curie"),
        ("AT&T's  office_hours", "at and ts office hours"),
        ("An\u3000answer\u2028here", "answer here"),  # ideographic space, line separator
        ("x\x1cy", "x y"),  # a separator control is a space to both paths
        ("Another try", "another try"),  # "an" only as a whole word
        ("the", "the"),
        ("  ", ""),
    ],
)
def test_normal_form_examples(text: str, expected: str) -> None:
    assert normal_form(text) == expected


@given(st.text())
def test_normal_form_is_words_and_single_spaces(text: str) -> None:
    result = normal_form(text)
    assert result == result.strip()
    assert "  " not in result
    assert not re.search(r"[^\w ]|_", result)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_path_agrees_with_the_general_one(text: str) -> None:
    """A trailing line separator sends the same text through the general path, and vanishes."""
    assert normal_form(text) == normal_form(text + "\u2028")


@given(st.text())
def test_visible_text_holds_no_control_character(text: str) -> None:
    shown = visible(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", shown)
    if text.isprintable():
        assert shown == text
