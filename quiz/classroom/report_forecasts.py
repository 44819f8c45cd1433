"""Decisions and predictions in a session's report: what the class chose beside what
happened (decisions unscored), each student's Brier score, and the class's calibration."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.game.calibration import BASELINE, brier, calibration
from quiz.game.round import Dealt
from quiz.model.questions import Decision, Prediction


@dataclass
class ChoiceCount:
    """One option of a decision, or one choice of a prediction, as the class chose."""

    text: str
    count: int
    happened: bool
    """The option the real actor took, or the documented development."""


@dataclass
class ForecastResult:
    """One student's forecast on one prediction."""

    name: str
    choice: str
    confidence: int
    right: bool
    brier: float
    """(confidence − outcome)²: 0 is perfect, 1 is certain and wrong."""


@dataclass
class LevelResult:
    """How often the class was right when it gave this confidence."""

    confidence: int
    forecasts: int
    right: int
    hit_rate: float


@dataclass
class ClassCalibration:
    """Every forecast the class made in the session, summed up."""

    forecasts: int
    mean_brier: float
    baseline: float
    """The Brier score of always saying 50%: a forecast worth making beats it."""
    levels: list[LevelResult]


def happened_at(dealt: Dealt) -> int | None:
    """The display position of what happened: a decision's real option, a prediction's
    documented development (None for other kinds, or a decision with none marked)."""
    question = dealt.question
    if isinstance(question, Decision):
        return None if question.actual is None else dealt.order.index(question.actual)
    if isinstance(question, Prediction):
        return dealt.order.index(question.answer)
    return None


def choice_counts(dealt: Dealt, index: int, players: list) -> list[ChoiceCount]:
    """How many of `players` chose each option or choice, in display order."""
    labels = dealt.labels()
    counts = [0] * len(labels)
    for player in players:
        submission = player.answers.get(index)
        position = _position(submission.value) if submission else None
        if position is not None and 0 <= position < len(counts):
            counts[position] += 1
    happened = happened_at(dealt)
    return [ChoiceCount(label, counts[n], n == happened) for n, label in enumerate(labels)]


def forecasts(dealt: Dealt, index: int, players: list) -> list[ForecastResult]:
    """Each student's forecast on one prediction, in the order of `players`."""
    labels = dealt.labels()
    rows = []
    for player in players:
        submission = player.answers.get(index)
        forecast = _forecast(submission.value) if submission else None
        if forecast is None or not 0 <= forecast[0] < len(labels):
            continue
        choice, confidence = forecast
        rows.append(ForecastResult(player.name, labels[choice], confidence,
                                   submission.correct,
                                   round(brier(confidence, submission.correct), 4)))
    return rows


def mean_brier(rows: list[ForecastResult]) -> float | None:
    return round(sum(r.brier for r in rows) / len(rows), 4) if rows else None


def class_calibration(rows: list[ForecastResult]) -> ClassCalibration | None:
    """The class's calibration over every forecast made (None if nobody made one)."""
    if not rows:
        return None
    summed = calibration((r.confidence, r.right) for r in rows)
    return ClassCalibration(
        summed.count, round(summed.mean_brier, 4), BASELINE,
        [LevelResult(level.confidence, level.asked, level.right, round(level.hit_rate, 3))
         for level in summed.levels])


def _position(value: object) -> int | None:
    if isinstance(value, dict):
        value = value.get("choice")
    return value if type(value) is int else None


def _forecast(value: object) -> tuple[int, int] | None:
    if not isinstance(value, dict):
        return None
    choice, confidence = value.get("choice"), value.get("confidence")
    if type(choice) is not int or type(confidence) is not int:
        return None
    return choice, confidence


# ── Text ─────────────────────────────────────────────────────────────────────


def brier_text(value: float) -> str:
    """0.01, 0.235, 0.25: a third decimal only where a mean needs it."""
    text = f"{value:.3f}"
    return text[:-1] if text.endswith("0") else text


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def decision_lines(number: int, prompt: str, choices: list[ChoiceCount],
                   sources: list[str]) -> list[str]:
    """A decision in the text report: the class's choices, the real one marked."""
    lines = [f"{number:>3}  {prompt}"]
    digits = len(str(max((c.count for c in choices), default=0)))
    for n, choice in enumerate(choices, start=1):
        mark = "◆" if choice.happened else " "
        note = "  ← what the real actor did" if choice.happened else ""
        lines.append(f"     {mark} {n}. {choice.count:>{digits}}  {choice.text}{note}")
    if not any(choice.happened for choice in choices):
        lines.append("       (the bank does not record what the real actor did)")
    lines += [f"       source: {source}" for source in sources]
    return lines


def prediction_lines(number: int, prompt: str, choices: list[ChoiceCount],
                     rows: list[ForecastResult], sources: list[str]) -> list[str]:
    """A prediction in the text report: the class's choices, what happened, and each
    student's forecast with its Brier score."""
    lines = [f"{number:>3}  {prompt}"]
    digits = len(str(max((c.count for c in choices), default=0)))
    for n, choice in enumerate(choices, start=1):
        mark = "✔" if choice.happened else " "
        note = "  ← what happened" if choice.happened else ""
        lines.append(f"     {mark} {n}. {choice.count:>{digits}}  {choice.text}{note}")
    lines += [f"       source: {source}" for source in sources]
    for row in rows:
        sign = "✔" if row.right else "✘"
        lines.append(f"       {_cut(row.name, 20):<20} {sign} {row.confidence:>3}%  "
                     f"Brier {brier_text(row.brier):<5}  {_cut(row.choice, 40)}")
    class_mean = mean_brier(rows)
    if class_mean is None:
        lines.append("       (no forecasts)")
    else:
        lines.append(f"       class mean Brier {brier_text(class_mean)} over {len(rows)} "
                     f"forecast{'s' if len(rows) != 1 else ''} (always saying 50%: "
                     f"{brier_text(BASELINE)})")
    return lines


def calibration_lines(summed: ClassCalibration) -> list[str]:
    """The class's calibration table beside the 50% baseline."""
    verdict = ("better than" if summed.mean_brier < summed.baseline else
               "no better than")
    lines = [f"Class calibration ({summed.forecasts} forecast"
             f"{'s' if summed.forecasts != 1 else ''}: how often the class was right at "
             "each confidence it gave)",
             f"  {'confidence':>10} {'forecasts':>9} {'right':>5} {'hit rate':>8}"]
    for level in summed.levels:
        lines.append(f"  {level.confidence:>9}% {level.forecasts:>9} {level.right:>5} "
                     f"{level.hit_rate:>8.0%}")
    lines.append(f"  mean Brier {brier_text(summed.mean_brier)}, {verdict} always saying "
                 f"50% ({brier_text(summed.baseline)}); 0 is perfect")
    return lines
