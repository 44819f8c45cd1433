"""A finished (or running) session's results: per student, and an item analysis per
question: facility, discrimination, the most chosen wrong answer, the median time."""

from __future__ import annotations

import json
import sqlite3
import statistics
from dataclasses import asdict, dataclass

from quiz.classroom import store
from quiz.content.key import answer_text, format_number
from quiz.game.round import Dealt
from quiz.model.questions import MultipleSelect, Numeric, Ordering, SingleChoice, TrueFalse
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
    """Share of the questions asked so far answered correctly (questions never asked,
    in a session ended early, do not count)."""
    answers: list[str]
    """What the student chose for each question asked, in words ('' where none)."""
    right: list[bool | None]
    """Whether each answer was right (None where there was no answer)."""


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


@dataclass
class Report:
    session: int
    code: str
    title: str
    state: str
    students: list[StudentResult]
    items: list[ItemResult]


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
    students = [StudentResult(
        rank=ranks[p.id], name=p.name, score=p.score,
        correct=sum(1 for s in p.answers.values() if s.correct), answered=len(p.answers),
        accuracy=round(sum(1 for s in p.answers.values() if s.correct) / asked, 3)
        if asked else 0.0,
        answers=[_in_words(room.dealt[i], p.answers[i].value) if i in p.answers else ""
                 for i in range(asked)],
        right=[p.answers[i].correct if i in p.answers else None for i in range(asked)])
        for p in players]
    items = [_item(index, room.dealt[index], players) for index in range(asked)]
    return Report(chosen.id, chosen.code, chosen.title, room.state, students, items)


def _asked(room) -> int:
    """How many questions were asked: up to the open one's index, or through the last
    one shown (an ended session records where it stopped)."""
    if room.index < 0:
        return 0
    closed = room.index + (0 if room.state in ("question", "paused") else 1)
    return min(closed, len(room.dealt))


def _item(index: int, dealt: Dealt, players: list) -> ItemResult:
    right = [index in p.answers and p.answers[index].correct for p in players]
    answered = [p.answers[index] for p in players if index in p.answers]
    wrong: dict[str, int] = {}
    for submission in answered:
        if not submission.correct:
            text = _in_words(dealt, submission.value)
            wrong[text] = wrong.get(text, 0) + 1
    common = max(wrong.items(), key=lambda kv: (kv[1], kv[0]), default=(None, 0))
    return ItemResult(
        number=index + 1, prompt=dealt.question.prompt, answer=answer_text(dealt.question),
        answered=len(answered),
        facility=round(sum(right) / len(players), 3) if players else None,
        discrimination=_discrimination(right), common_wrong=common[0],
        common_wrong_count=common[1],
        median_seconds=round(statistics.median(s.elapsed for s in answered), 2)
        if answered else None)


def _discrimination(right_by_rank: list[bool]) -> float | None:
    """`right_by_rank` is ordered best total score first."""
    size = round(len(right_by_rank) * GROUP_SHARE)
    if size < 1 or len(right_by_rank) < 2:
        return None
    top, bottom = right_by_rank[:size], right_by_rank[-size:]
    return round((sum(top) - sum(bottom)) / size, 3)


def _in_words(dealt: Dealt, value: object) -> str:
    """A display-position answer as the student saw it."""
    question = dealt.question
    labels = dealt.labels()
    try:
        if isinstance(question, TrueFalse):
            return "True" if value else "False"
        if isinstance(question, Numeric):
            number = format_number(float(value))
            return f"{number} {question.unit}" if question.unit else number
        if isinstance(question, SingleChoice):
            return labels[value]
        if isinstance(question, MultipleSelect):
            return "; ".join(sorted(labels[i] for i in value))
        if isinstance(question, Ordering):
            return " → ".join(labels[i] for i in value)
    except (IndexError, TypeError, ValueError):
        pass
    return json.dumps(value)


# ── Formats ─────────────────────────────────────────────────────────────────


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _cut(name: str, width: int = 24) -> str:
    """Names run to 40 characters; the text table keeps its columns."""
    return name if len(name) <= width else name[:width - 1] + "…"


def as_text(report: Report) -> str:
    lines = [f"Session {report.session} · {report.code} · {report.title} ({report.state})",
             "", "Students", f"{'#':>3}  {'name':<24} {'score':>6} {'right':>7} {'accuracy':>8}"]
    for s in report.students:
        lines.append(f"{s.rank:>3}  {_cut(s.name):<24} {s.score:>6} "
                     f"{s.correct:>3}/{len(s.answers):<3} {_percent(s.accuracy):>8}")
    if not report.students:
        lines.append("  (nobody joined)")
    if report.students and report.items:
        lines += ["", "Answers (✔ right, ✘ wrong, · none)"]
        for s in report.students:
            marks = " ".join("·" if r is None else "✔" if r else "✘"
                             for r in s.right[:len(report.items)])
            lines.append(f"  {_cut(s.name):<24} {marks}")
    lines += ["", "Questions (facility = share right; discrimination = top 27% minus "
                  "bottom 27%)",
              f"{'#':>3}  {'facility':>8} {'discr.':>6} {'median s':>8}  question"]
    for item in report.items:
        discrimination = "—" if item.discrimination is None else f"{item.discrimination:+.2f}"
        median = "—" if item.median_seconds is None else f"{item.median_seconds:.1f}"
        lines.append(f"{item.number:>3}  {_percent(item.facility):>8} {discrimination:>6} "
                     f"{median:>8}  {item.prompt}")
        lines.append(f"{'':>31}answer: {item.answer}")
        if item.common_wrong is not None:
            lines.append(f"{'':>31}most chosen wrong: {item.common_wrong} "
                         f"({item.common_wrong_count})")
    return visible("\n".join(lines) + "\n")  # names come from students' own terminals


def as_json(report: Report) -> str:
    return json_text(asdict(report), indent=2) + "\n"


def as_csv(report: Report) -> str:
    """One row per student and per question; every cell defused for spreadsheets."""
    from quiz.safety.spreadsheet import csv_text

    header = ["section", "rank_or_number", "name_or_prompt", "score_or_answer", "correct",
              "answered", "accuracy_or_facility", "discrimination", "most_chosen_wrong",
              "median_seconds", "answers"]
    rows = [["student", s.rank, s.name, s.score, s.correct, s.answered, s.accuracy, "", "",
             "", " | ".join(s.answers)] for s in report.students]
    rows += [["question", i.number, i.prompt, i.answer, "", i.answered, i.facility,
              i.discrimination, i.common_wrong or "", i.median_seconds, ""]
             for i in report.items]
    return csv_text(header, rows)
