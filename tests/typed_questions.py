"""A typed question made by hand, for tests of what is done with one: checking, feedback, order."""

from __future__ import annotations

from typing import Any

from quizgen.facts.model import Kind
from quizgen.questions.model import Question, SourceRef

SOURCE = (SourceRef("s", "Source", "Source"),)


def typed(
    answer: str,
    *accepted: str,
    kind: str = "entity",
    entity_type: str | None = "place",
    question_id: str = "f:t:typed",
    **extra: Any,
) -> Question:
    return Question(
        id=question_id,
        kind=Kind.TYPED,
        stem="Where?",
        answer=answer,
        statement_ids=(question_id.split(":")[0],),
        template_id="t",
        sources=SOURCE,
        accepted=accepted,
        answer_kind=kind,
        entity_type=entity_type,
        **extra,
    )
