"""A finished (or running) session's results: per student, and an item analysis per
question: facility, discrimination, the most chosen wrong answer, the median time.
Decisions are reported unscored, with the class's choices; predictions with each
student's Brier score and the class's calibration (quiz/classroom/report_forecasts.py)."""

from __future__ import annotations

import json
import sqlite3
import statistics
from dataclasses import asdict, dataclass, field

from quiz.classroom import report_forecasts as judged
from quiz.classroom import store
from quiz.classroom.report_forecasts import ChoiceCount, ClassCalibration, ForecastResult
from quiz.content.key import answer_text, format_number
from quiz.game.answers import is_scored
from quiz.game.round import Dealt
from quiz.model.questions import (
    Decision,
    Matching,
    MultipleSelect,
    Numeric,
    Ordering,
    Prediction,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quiz.safety.terminal import json_text, visible

GROUP_SHARE = 0.27
"""Kelley's 27%: the top and bottom groups compared by the discrimination index."""


@dataclass
class StudentResult:
    rank: int
    name: str
    score: int
    correct: int
    answered: int
    accuracy: float
    """Share of the marked questions asked so far answered correctly (questions never
    asked, in a session ended early, and decisions, which are never marked, do not
    count)."""
    answers: list[str]
    """What the student chose for each question asked, in words ('' where none)."""
    right: list[bool | None]
    """Whether each answer was right (None where there was no answer, and for a
    decision)."""
    forecasts: int = 0
    """How many predictions the student answered."""
    mean_brier: float | None = None
    """The student's mean Brier score over those forecasts (0 is perfect; always saying
    50% scores 0.25)."""


@dataclass
class ItemResult:
    number: int
    prompt: str
    answer: str
    answered: int
    facility: float | None
    """Share of the students who got it right (no answer counts as wrong)."""
    discrimination: float | None
    """Share right in the top 27% by total score minus the share right in the bottom
    27%; from -1 to 1, higher means the question separates strong from weak students."""
    common_wrong: str | None
    common_wrong_count: int
    median_seconds: float | None
    kind: str = "single_choice"
    scored: bool = True
    """False for a decision: never marked, so no facility or discrimination."""
    choices: list[ChoiceCount] = field(default_factory=list)
    """For a decision or a prediction: how many chose each option, with what happened."""
    sources: list[str] = field(default_factory=list)
    """For a decision or a prediction: where what happened is documented."""
    forecasts: list[ForecastResult] = field(default_factory=list)
    """For a prediction: each student's forecast and Brier score, best total first."""
    mean_brier: float | None = None
    """For a prediction: the class's mean Brier score on it."""


@dataclass
class Report:
    session: int
    code: str
    title: str
    state: str
    students: list[StudentResult]
    items: list[ItemResult]
    calibration: ClassCalibration | None = None
    """Over every forecast in the session; None when no prediction was answered."""


def build_report(connection: sqlite3.Connection, session: int | None = None) -> Report:
    rows = store.sessions(connection)
    if not rows:
        raise store.StoreError("this file holds no sessions yet")
    chosen = rows[-1] if session is None else next((r for r in rows if r.id == session), None)
    if chosen is None:
        known = ", ".join(str(r.id) for r in rows)
        raise store.StoreError(f"there is no session {session}; this file holds {known}")
    room = store.load_room(connection, chosen.id)
    players = room.standings()
    ranks = room.ranks()
    asked = _asked(room)
    marked = [i for i in range(asked) if is_scored(room.dealt[i].question)]
    items = [_item(index, room.dealt[index], players) for index in range(asked)]
    by_student: dict[str, list[ForecastResult]] = {}
    for item in items:
        for row in item.forecasts:
            by_student.setdefault(row.name, []).append(row)
    students = []
    for p in players:
        correct = sum(1 for i in marked if i in p.answers and p.answers[i].correct)
        own = by_student.get(p.name, [])
        students.append(StudentResult(
            rank=ranks[p.id], name=p.name, score=p.score, correct=correct,
            answered=len(p.answers),
            accuracy=round(correct / len(marked), 3) if marked else 0.0,
            answers=[_in_words(room.dealt[i], p.answers[i].value) if i in p.answers else ""
                     for i in range(asked)],
            right=[p.answers[i].correct if i in p.answers and i in marked else None
                   for i in range(asked)],
            forecasts=len(own), mean_brier=judged.mean_brier(own)))
    every = [row for item in items for row in item.forecasts]
    return Report(chosen.id, chosen.code, chosen.title, room.state, students, items,
                  judged.class_calibration(every))


def _asked(room) -> int:
    """How many questions were asked: up to the open one's index, or through the last
    one shown (an ended session records where it stopped)."""
    if room.index < 0:
        return 0
    closed = room.index + (0 if room.state in ("question", "paused") else 1)
    return min(closed, len(room.dealt))


def _item(index: int, dealt: Dealt, players: list) -> ItemResult:
    question = dealt.question
    answered = [p.answers[index] for p in players if index in p.answers]
    median = round(statistics.median(s.elapsed for s in answered), 2) if answered else None
    if isinstance(question, Decision | Prediction):
        extra = {"kind": question.type, "choices": judged.choice_counts(dealt, index, players),
                 "sources": _sources(question)}
        if isinstance(question, Decision):
            actual = question.actual
            return ItemResult(
                number=index + 1, prompt=question.prompt,
                answer=question.options[actual].text if actual is not None else "",
                answered=len(answered), facility=None, discrimination=None,
                common_wrong=None, common_wrong_count=0, median_seconds=median,
                scored=False, **extra)
        rows = judged.forecasts(dealt, index, players)
        extra.update(forecasts=rows, mean_brier=judged.mean_brier(rows))
    else:
        extra = {"kind": question.type}
    right = [index in p.answers and p.answers[index].correct for p in players]
    wrong: dict[str, int] = {}
    for submission in answered:
        if not submission.correct:  # a forecast's choice, whatever its confidence
            text = _in_words(dealt, submission.value, confidence=False)
            wrong[text] = wrong.get(text, 0) + 1
    common = max(wrong.items(), key=lambda kv: (kv[1], kv[0]), default=(None, 0))
    return ItemResult(
        number=index + 1, prompt=question.prompt, answer=answer_text(question),
        answered=len(answered),
        facility=round(sum(right) / len(players), 3) if players else None,
        discrimination=_discrimination(right), common_wrong=common[0],
        common_wrong_count=common[1], median_seconds=median, **extra)


def _sources(question) -> list[str]:
    """Citations for what happened: a decision's real option's own sources first."""
    own = []
    if isinstance(question, Decision) and question.actual is not None:
        own = [source.citation() for source in question.options[question.actual].sources]
    return own + [c for c in (source.citation() for source in question.sources)
                  if c not in own]


def _discrimination(right_by_rank: list[bool]) -> float | None:
    """`right_by_rank` is ordered best total score first."""
    size = round(len(right_by_rank) * GROUP_SHARE)
    if size < 1 or len(right_by_rank) < 2:
        return None
    top, bottom = right_by_rank[:size], right_by_rank[-size:]
    return round((sum(top) - sum(bottom)) / size, 3)


def _in_words(dealt: Dealt, value: object, confidence: bool = True) -> str:
    """A display-position answer as the student saw it."""
    question = dealt.question
    labels = dealt.labels()
    try:
        if isinstance(question, TrueFalse):
            return "True" if value else "False"
        if isinstance(question, Numeric):
            number = format_number(float(value))
            return f"{number} {question.unit}" if question.unit else number
        if isinstance(question, SingleChoice | Decision):
            return labels[value]
        if isinstance(question, Prediction):
            sure = f" ({value['confidence']}% sure)" if confidence else ""
            return labels[value["choice"]] + sure
        if isinstance(question, MultipleSelect):
            return "; ".join(sorted(labels[i] for i in value))
        if isinstance(question, Ordering):
            return " → ".join(labels[i] for i in value)
        if isinstance(question, ShortAnswer):
            return " ".join(str(value).split())
        if isinstance(question, Matching):
            return "; ".join(f"{pair.left} → {'(none)' if i is None else labels[i]}"
                             for pair, i in zip(question.pairs, value, strict=True))
    except (IndexError, KeyError, TypeError, ValueError):
        pass
    return json.dumps(value)


# ── Formats ─────────────────────────────────────────────────────────────────


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _cut(name: str, width: int = 24) -> str:
    """Names run to 40 characters; the text table keeps its columns."""
    return name if len(name) <= width else name[:width - 1] + "…"


def as_text(report: Report) -> str:
    marked = sum(1 for item in report.items if item.scored)
    forecasting = report.calibration is not None
    lines = [f"Session {report.session} · {report.code} · {report.title} ({report.state})",
             "", "Students" + (" (decisions are not marked: they count in no score)"
                               if marked < len(report.items) else ""),
             f"{'#':>3}  {'name':<24} {'score':>6} {'right':>7} {'accuracy':>8}"
             + (f" {'Brier':>6}" if forecasting else "")]
    for s in report.students:
        line = (f"{s.rank:>3}  {_cut(s.name):<24} {s.score:>6} "
                f"{s.correct:>3}/{marked:<3} {_percent(s.accuracy):>8}")
        if forecasting:
            shown = "—" if s.mean_brier is None else judged.brier_text(s.mean_brier)
            line += f" {shown:>6}"
        lines.append(line)
    if not report.students:
        lines.append("  (nobody joined)")
    if forecasting:
        lines.append("     Brier: the mean over the student's forecasts; 0 is perfect, "
                     "always saying 50% scores 0.25")
    if report.students and report.items:
        decisions = marked < len(report.items)
        lines += ["", "Answers (✔ right, ✘ wrong, · none" + (", ◆ a decision taken)"
                                                             if decisions else ")")]
        for s in report.students:
            marks = " ".join(_mark(item, s.right[n], s.answers[n])
                             for n, item in enumerate(report.items[:len(s.right)]))
            lines.append(f"  {_cut(s.name):<24} {marks}")
    lines += ["", "Questions (facility = share right; discrimination = top 27% minus "
                  "bottom 27%)",
              f"{'#':>3}  {'facility':>8} {'discr.':>6} {'median s':>8}  question"]
    for item in report.items:
        discrimination = "—" if item.discrimination is None else f"{item.discrimination:+.2f}"
        median = "—" if item.median_seconds is None else f"{item.median_seconds:.1f}"
        facility = _percent(item.facility) if item.scored else "unmarked"
        lines.append(f"{item.number:>3}  {facility:>8} {discrimination:>6} "
                     f"{median:>8}  {item.prompt}")
        if not item.scored:
            lines.append(f"{'':>31}a decision: see below")
            continue
        lines.append(f"{'':>31}answer: {item.answer}")
        if item.common_wrong is not None:
            lines.append(f"{'':>31}most chosen wrong: {item.common_wrong} "
                         f"({item.common_wrong_count})")
    decisions = [item for item in report.items if item.kind == "decision"]
    if decisions:
        lines += ["", "Decisions (not scored: what the class chose, beside what the real "
                      "actor did)"]
        for item in decisions:
            lines += judged.decision_lines(item.number, item.prompt, item.choices,
                                           item.sources)
    predictions = [item for item in report.items if item.kind == "predict"]
    if predictions:
        lines += ["", "Predictions (each student's forecast: right or not, how sure, and "
                      "its Brier score)"]
        for item in predictions:
            lines += judged.prediction_lines(item.number, item.prompt, item.choices,
                                             item.forecasts, item.sources)
    if report.calibration is not None:
        lines += [""] + judged.calibration_lines(report.calibration)
    return visible("\n".join(lines) + "\n")  # names come from students' own terminals


def _mark(item: ItemResult, right: bool | None, answer: str) -> str:
    if not item.scored:
        return "◆" if answer else "·"
    return "·" if right is None else "✔" if right else "✘"


def as_json(report: Report) -> str:
    return json_text(asdict(report), indent=2) + "\n"


def as_csv(report: Report) -> str:
    """One row per student, per question, per decision option or prediction choice, per
    forecast and per calibration level; every cell defused for spreadsheets."""
    from quiz.safety.spreadsheet import csv_text

    header = ["section", "rank_or_number", "name_or_prompt", "score_or_answer", "correct",
              "answered", "accuracy_or_facility", "discrimination", "most_chosen_wrong",
              "median_seconds", "answers", "kind", "count", "confidence", "brier"]
    blank = [""] * 4
    rows = [["student", s.rank, s.name, s.score, s.correct, s.answered, s.accuracy, "", "",
             "", " | ".join(s.answers), "", "", "",
             "" if s.mean_brier is None else s.mean_brier] for s in report.students]
    for i in report.items:
        rows.append(["question", i.number, i.prompt, i.answer, "", i.answered,
                     "" if not i.scored else i.facility, i.discrimination,
                     i.common_wrong or "", i.median_seconds, "", i.kind, "", "",
                     "" if i.mean_brier is None else i.mean_brier])
        rows += [["choice", i.number, c.text, "what happened" if c.happened else "", "", "",
                  "", "", "", "", "", i.kind, c.count, "", ""] for c in i.choices]
        rows += [["forecast", i.number, f.name, f.choice, int(f.right), "", "", "", "", "",
                  "", i.kind, "", f.confidence, f.brier] for f in i.forecasts]
    summed = report.calibration
    if summed is not None:
        rows += [["calibration", f"{level.confidence}%", "", "", level.right,
                  level.forecasts, level.hit_rate, *blank, "", "", level.confidence, ""]
                 for level in summed.levels]
        rows.append(["calibration", "class", "mean Brier", "", "", summed.forecasts, "",
                     *blank, "", "", "", summed.mean_brier])
        rows.append(["calibration", "baseline", "always saying 50%", "", "", "", "",
                     *blank, "", "", 50, summed.baseline])
    return csv_text(header, rows)
