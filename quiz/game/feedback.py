"""What to tell the player about one answer, in the order the choices or items were shown."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.content.key import answer_text
from quiz.game.answers import accepted, match_text, pairs_matched, response_text
from quiz.game.round import Dealt, Outcome
from quiz.game.scoring import items_in_place
from quiz.model.questions import Matching, MultipleSelect, Ordering, ShortAnswer, SingleChoice


@dataclass(frozen=True)
class Row:
    """One choice as shown, or one item where the player put it."""

    text: str
    right: bool
    """A right choice, or an item standing in its right place."""
    chosen: bool = False
    """The player picked or ticked this choice (always False for ordering items)."""
    belongs_at: int | None = None
    """Ordering: the item's right position, counting from 1, when it is out of place."""


@dataclass(frozen=True)
class PairRow:
    """One left-hand item of a matching, with the player's match and the right one."""

    left: str
    given: str
    """The right-hand item the player picked, or `(none)`."""
    match: str
    """The right-hand item that belongs with it."""
    right: bool


@dataclass(frozen=True)
class Feedback:
    """The answer, judged: rows for choices and orderings, and both answers as text."""

    rows: list[Row]
    your_answer: str
    right_answer: str
    in_place: int | None = None
    """Ordering: how many items the player put in their right place."""
    right_order: list[str] | None = None
    """Ordering: every item, in the right order."""
    pairs: list[PairRow] | None = None
    """Matching: each left-hand item, in the bank's order, with both matches."""
    matched: int | None = None
    """Matching: how many pairs the player matched."""
    note: str | None = None
    """Short answer: the feedback the bank gives for the accepted answer the player typed."""


def judge(dealt: Dealt, outcome: Outcome) -> Feedback:
    """Feedback for an answered (or timed-out) question."""
    question = dealt.question
    response = outcome.response
    labels = dealt.labels()
    if isinstance(question, SingleChoice | MultipleSelect):
        right = {question.answer} if isinstance(question, SingleChoice) else set(question.answers)
        chosen = set() if response is None else (
            {response} if isinstance(question, SingleChoice) else set(response))
        rows = [Row(labels[n], dealt.order[n] in right, dealt.order[n] in chosen)
                for n in range(len(labels))]
        yours = "; ".join(row.text for row in rows if row.chosen)
        if response is None:
            yours = "(no answer)"
        return Feedback(rows, yours or "(none)", "; ".join(r.text for r in rows if r.right))
    if isinstance(question, Ordering):
        if response is None:
            return Feedback([], "(no answer)", answer_text(question),
                            right_order=list(question.items))
        rows = [Row(question.items[item], item == position,
                    belongs_at=None if item == position else item + 1)
                for position, item in enumerate(response)]
        return Feedback(rows, response_text(question, response), answer_text(question),
                        in_place=items_in_place(question, response),
                        right_order=list(question.items))
    if isinstance(question, Matching):
        given = response if isinstance(response, tuple | list) else ()
        key = question.key
        rows = [PairRow(pair.left, match_text(question, given[n] if n < len(given) else None),
                        pair.right, n < len(given) and given[n] == key[n])
                for n, pair in enumerate(question.pairs)]
        return Feedback([], response_text(question, response), answer_text(question),
                        pairs=rows, matched=pairs_matched(question, given))
    if isinstance(question, ShortAnswer):
        hit = accepted(question, response)
        return Feedback([], response_text(question, response), answer_text(question),
                        note=hit.feedback if hit else None)
    return Feedback([], response_text(question, response), answer_text(question))
