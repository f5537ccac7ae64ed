"""Random edits of a valid file never raise anything but the loader's own report."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.facts.loader import load_content

VALID = (Path(__file__).parents[1] / "data" / "curie.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)
YAMLISH = st.text(
    alphabet=st.sampled_from([*" \t\n-:[]{}#&*!|>'\"%@`,?abcXYZ019", "é", "\x00", "\ufeff"]),
    max_size=20,
)


@st.composite
def edited(draw: st.DrawFn) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(
            st.sampled_from(["delete", "insert", "replace", "duplicate", "swap", "truncate", "indent"])
        )
        i = draw(st.integers(0, len(lines) - 1))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "insert":
            lines.insert(i, draw(YAMLISH) + "\n")
        elif action == "replace":
            line = lines[i]
            a = draw(st.integers(0, len(line)))
            b = draw(st.integers(a, len(line)))
            lines[i] = line[:a] + draw(YAMLISH) + line[b:]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "truncate":
            lines = lines[: i + 1]
        else:
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip(" ")
    text = "".join(lines).encode("utf-8")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.binary(max_size=4)) + text[cut:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edited())
def test_random_edits_end_in_a_located_report(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "edited.yaml"
    path.write_bytes(data)
    result = load_content([path])  # must not raise
    if result.library is None:
        assert result.problems, "a failed load must say why"
    for problem in result.problems:
        assert problem.location.path.endswith("edited.yaml")
        assert problem.location.line >= 1
        assert problem.location.column >= 1
        assert problem.message
