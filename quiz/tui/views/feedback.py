"""Feedback after an answer: the verdict, the choices or items marked, why, and the sources."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from quiz.game.feedback import Feedback, judge
from quiz.game.round import Dealt, Outcome
from quiz.model.questions import Matching, MultipleSelect, Ordering, SingleChoice
from quiz.tui.text import citation, hanging, joined, plain


def verdict(outcome: Outcome, feedback: Feedback) -> Text:
    """`✔ Correct +200 points`, `✘ Not quite`, `⏱ Time's up`, with any partial points."""
    if outcome.correct:
        return joined(("✔ Correct", "bold green"), f"  +{outcome.points.total} points",
                      _bonus_note(outcome))
    if outcome.timed_out:
        return joined(("⏱ Time's up", "bold"), " — no answer counted.")
    text = joined(("✘ Not quite", "bold #ff6b6b"))
    if feedback.in_place is not None:
        text.append(f"  {feedback.in_place} of {len(feedback.rows)} in the right place")
        if outcome.points.total:
            text.append(f", +{outcome.points.total} points")
    if feedback.matched is not None and feedback.pairs:
        text.append(f"  {feedback.matched} of {len(feedback.pairs)} pairs matched")
        if outcome.points.total:
            text.append(f", +{outcome.points.total} points")
    return text


def _bonus_note(outcome: Outcome) -> str:
    bonuses = []
    if outcome.points.time_bonus:
        bonuses.append(f"speed +{outcome.points.time_bonus}")
    if outcome.points.streak_bonus:
        bonuses.append(f"streak +{outcome.points.streak_bonus}")
    return f" ({', '.join(bonuses)})" if bonuses else ""


def choice_rows(dealt: Dealt, feedback: Feedback) -> Table:
    """Every choice as shown, numbered, with the right ones ticked and the player's marked."""
    multi = isinstance(dealt.question, MultipleSelect)
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for number, row in enumerate(feedback.rows, start=1):
        sign = "✔" if row.right else ("✘" if row.chosen else " ")
        style = "bold green" if row.right else ("bold #ff6b6b" if row.chosen else "")
        box = (" [x]" if row.chosen else " [ ]") if multi else ""
        note = ""
        if row.right and row.chosen:
            note = "  ← yours, right"
        elif row.right:
            note = "  ← right, not ticked" if multi else "  ← right answer"
        elif row.chosen:
            note = "  ← yours, wrong" if multi else "  ← your answer"
        grid.add_row(Text(f"{sign} {number}.{box}", style=style),
                     joined(row.text, (note, "italic")))
    return grid


def _numbers(feedback: Feedback, which: str) -> str:
    """`1, 3 and 4`: the choices (as numbered on screen) the player ticked, or the right ones."""
    numbers = [str(n) for n, row in enumerate(feedback.rows, start=1) if getattr(row, which)]
    if not numbers:
        return "none"
    return numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]


def ordering_rows(feedback: Feedback) -> Table:
    """The player's order beside the right one, each placed item ticked."""
    table = Table(box=None, padding=(0, 2, 0, 0), expand=True, show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("Your order", ratio=1)
    table.add_column("Right order", ratio=1)
    right_order = feedback.right_order or []
    for position in range(max(len(feedback.rows), len(right_order))):
        row = feedback.rows[position] if position < len(feedback.rows) else None
        yours = Text()
        if row is not None:
            sign = Text("✔ " if row.right else "✘ ",
                        style="bold green" if row.right else "bold #ff6b6b")
            where = f" (→ {row.belongs_at})" if row.belongs_at else ""
            yours = hanging(sign, joined(row.text, (where, "italic")))
        right = plain(right_order[position]) if position < len(right_order) else Text()
        table.add_row(f"{position + 1}.", yours, right)
    return table


def matching_rows(feedback: Feedback) -> Table:
    """Each left-hand item with the player's match, ticked or crossed, and the right one."""
    table = Table(box=None, padding=(0, 2, 0, 0), expand=True, show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("Item", ratio=1)
    table.add_column("Your match", ratio=1)
    table.add_column("Right match", ratio=1)
    for row in feedback.pairs or []:
        sign = Text("✔" if row.right else "✘",
                    style="bold green" if row.right else "bold #ff6b6b")
        table.add_row(sign, plain(row.left), plain(row.given),
                      plain(row.match, "bold green" if not row.right else ""))
    return table


def sources_block(sources, *, key_hint: bool = True) -> list:
    """One hanging line per source; the source view (S) shows the rest."""
    lines = [hanging(Text("Source: ", style="bold"), citation(source)) for source in sources]
    if lines and key_hint:
        lines.append(Text("Press S for the source's details: link, kind and notes.",
                          style="italic"))
    return lines


def feedback_view(dealt: Dealt, outcome: Outcome) -> Group:
    """Everything the player is told after answering, as one renderable."""
    question = dealt.question
    feedback = judge(dealt, outcome)
    parts: list = [verdict(outcome, feedback)]
    if isinstance(question, SingleChoice | MultipleSelect):
        parts.append(choice_rows(dealt, feedback))
        if isinstance(question, MultipleSelect):  # by number: the list above has the words
            parts.append(joined(("Your answer: ", "bold"), _numbers(feedback, "chosen"),
                                ("   Right answer: ", "bold"), _numbers(feedback, "right")))
    elif isinstance(question, Ordering):
        parts.append(ordering_rows(feedback))
    elif isinstance(question, Matching):
        parts.append(matching_rows(feedback))
    else:
        parts.append(joined(("Your answer: ", "bold"), feedback.your_answer, "   ",
                            ("Right answer: ", "bold"), feedback.right_answer))
    if feedback.note:
        parts.append(hanging(Text("On your answer: ", style="bold"), feedback.note))
    if question.explanation:
        parts.append(plain(question.explanation))
    parts.extend(sources_block(question.sources))
    return Group(*parts)
