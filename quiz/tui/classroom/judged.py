"""Decisions and predictions in the classroom terminals: the confidence picker's labels,
and what a student and the dashboard show at the reveal. Every outside text is plain."""

from __future__ import annotations

from rich.text import Text

from quiz.classroom import protocol as p
from quiz.classroom.report_forecasts import brier_text as _brier
from quiz.game.calibration import BASELINE
from quiz.tui.text import joined, plain

CONFIDENCE_NOTES = {50: " — a coin toss", 100: " — certain"}


def confidence_labels(levels: list[int]) -> list[str]:
    """`50% — a coin toss`, `60%`, … `100% — certain`, as in the solo game."""
    return [f"{level}%" + CONFIDENCE_NOTES.get(level, "") for level in levels]


def _label(message: p.Reveal, position: int | None) -> str:
    if position is None or not 0 <= position < len(message.choices):
        return ""
    return message.choices[position]


def _sources(message: p.Reveal) -> list[Text]:
    return [plain("Source: " + "; ".join(message.sources), "dim")] if message.sources else []


def _class_lines(message: p.Reveal) -> list[Text]:
    """What the class chose, one choice a line, what happened marked: for a student."""
    mark = "◆ what the real actor did" if message.kind == "decision" else "✔ what happened"
    counts = message.distribution
    digits = len(str(max(counts, default=0)))
    lines = [plain("The class chose:", "bold")]
    for n, label in enumerate(message.choices):
        count = counts[n] if n < len(counts) else 0
        lines.append(joined(f"  {count:>{digits}} × ", (f"{n + 1}. ", "bold"), plain(label),
                            (f"  {mark}", "bold") if n == message.happened else ""))
    return lines


def student_decision(message: p.Reveal) -> list[Text]:
    """A decision's reveal for one student: never a mark; their option's consequence, what
    the real actor did, with its source."""
    lines = [joined(("◆ Your decision", "bold"), " (decisions are not marked)")]
    if message.chosen is None:
        lines.append(plain("No decision from you on this one."))
    else:
        lines.append(joined(("You chose: ", "bold"), plain(_label(message, message.chosen))))
        if message.consequence:
            lines.append(joined(("What follows: ", "bold"), plain(message.consequence)))
    if message.happened is not None:
        lines.append(joined(("What the real actor did: ", "bold"), plain(message.answer)))
    else:
        lines.append(plain(message.answer + "."))
    if message.explanation:
        lines.append(plain(message.explanation))
    return lines + _sources(message) + _class_lines(message)


def student_forecast(message: p.Reveal) -> list[Text]:
    """A prediction's reveal for one student: right or not, the confidence given and its
    Brier score beside the 50% baseline, and what happened, with its source."""
    if message.chosen is None:
        lines = [joined(("⏱ No forecast from you", "bold"), " on this one.")]
    else:
        lines = [joined(("✔ That is what happened", "bold green"), f"  +{message.points} "
                        "points") if message.correct else
                 joined(("✘ Not what happened", "bold red"), f"  +{message.points} points"),
                 joined(("You forecast: ", "bold"), plain(_label(message, message.chosen)),
                        f" ({message.confidence}% sure)")]
        if message.brier is not None:
            lines.append(plain(f"Brier score {_brier(message.brier)} (0 is perfect; always "
                               f"saying 50% scores {_brier(BASELINE)})"))
    lines.append(_what_happened(message))
    return lines + _sources(message) + _class_lines(message)


def _what_happened(message: p.Reveal) -> Text:
    """As in the solo game: the explanation, which begins with what happened and when;
    without one, what happened in a line."""
    if message.explanation:
        return plain(message.explanation)
    return joined(("What happened: ", "bold"), plain(message.answer))


def dashboard_lines(message: p.Reveal) -> tuple[Text, list[Text]]:
    """For the dashboard: the heading above the class's chart, and the lines below it."""
    if message.kind == "decision":
        head = joined(("A decision: what the class chose", "bold"),
                      (" (not marked; ◆ what the real actor did)", "dim"))
        below = [joined(("What the real actor did: ", "bold"), plain(message.answer))
                 if message.happened is not None else plain(message.answer + ".")]
    else:
        head = joined(("A forecast: what the class predicted", "bold"),
                      (" (✔ what happened)", "dim"))
        if message.class_brier is not None:
            verdict = "better than" if message.class_brier < BASELINE else "no better than"
            below = [plain(f"Class Brier score {_brier(message.class_brier)}: {verdict} "
                           f"always saying 50% ({_brier(BASELINE)}); 0 is perfect")]
        else:
            below = [plain("Nobody made a forecast.")]
        return head, below + [_what_happened(message)] + _sources(message)
    if message.explanation:
        below.append(plain(message.explanation))
    return head, below + _sources(message)
