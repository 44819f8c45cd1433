"""What follows a decision (its consequence, never a mark) and a forecast (what happened,
the confidence given, and its Brier score beside the 50% baseline)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from quiz.game.answers import Forecast
from quiz.game.calibration import BASELINE, brier
from quiz.game.round import Dealt, Outcome
from quiz.model.questions import Decision, Prediction
from quiz.tui.text import hanging, joined, plain
from quiz.tui.views.feedback import sources_block


def decision_view(dealt: Dealt, outcome: Outcome) -> Group:
    """Your choice and what follows from it; the record waits for the chapter's debrief."""
    question: Decision = dealt.question
    if outcome.response is None:
        return Group(joined(("⏱ Time's up", "bold"), " — no choice made."))
    option = question.options[outcome.response]
    parts: list = [joined(("◆ Your decision", "bold"), " (decisions are not marked)"),
                   hanging(Text("You chose: ", style="bold"), plain(option.text)),
                   hanging(Text("What follows: ", style="bold"), plain(option.consequence))]
    if question.actual is not None:
        parts.append(Text("The debrief at the end of the chapter shows what the real actor "
                          "did, and the source.", style="italic"))
    return Group(*parts)


def forecast_view(dealt: Dealt, outcome: Outcome) -> Group:
    """Right or not, with the calibration the confidence earns."""
    question: Prediction = dealt.question
    response = outcome.response
    happened = question.choices[question.answer]
    if not isinstance(response, Forecast):
        head = joined(("⏱ Time's up", "bold"), " — no forecast counted.")
        parts: list = [head]
    else:
        score = brier(response.confidence, outcome.correct)
        if outcome.correct:
            head = joined(("✔ That is what happened", "bold green"),
                          f"  +{outcome.points.total} points")
        else:
            head = joined(("✘ Not what happened", "bold #ff6b6b"),
                          f"  +{outcome.points.total} points")
        parts = [head,
                 hanging(Text("You forecast: ", style="bold"),
                         plain(f"{question.choices[response.choice]} "
                               f"({response.confidence}% sure)")),
                 Text(f"Brier score {score:.2f} (0 is perfect; always saying 50% scores "
                      f"{BASELINE:.2f})")]
    if question.explanation:  # it begins with what happened, and when
        parts.append(plain(question.explanation))
    else:
        parts.append(hanging(Text("What happened: ", style="bold"), plain(happened)))
    parts.extend(sources_block(question.sources))
    return Group(*parts)
