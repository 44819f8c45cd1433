"""Save a round as JSON-ready data after every answer, and rebuild it to resume."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from quiz.game import answers
from quiz.game.modes import MODES
from quiz.game.round import Dealt, Entry, Outcome, Phase, Round, option_count
from quiz.game.scoring import Points
from quiz.model.scoring import ScoringRules


class ResumeError(ValueError):
    """A saved round no longer matches the banks (a question was removed or changed)."""


def snapshot(round_: Round) -> dict[str, Any]:
    """Everything needed to carry on later: the deal, the answers, and where we are."""
    return {
        "mode": round_.mode.name,
        "dealt": [{"key": d.entry.key, "order": list(d.order)} for d in round_.dealt],
        "outcomes": [{
            "key": o.key, "response": answers.to_json(o.response), "correct": o.correct,
            "points": [o.points.base, o.points.time_bonus, o.points.streak_bonus],
            "elapsed": o.elapsed, "timed_out": o.timed_out, "scored": o.scored,
        } for o in round_.outcomes],
        "position": round_.position, "phase": round_.phase.value,
        "streak": round_.streak, "best_streak": round_.best_streak,
    }


def restore(data: dict[str, Any], entries: dict[str, Entry], rules: ScoringRules,
            clock: Callable[[], float] = time.monotonic) -> Round:
    """Rebuild a round; the question in progress starts its timer again."""
    try:
        dealt = []
        for item in data["dealt"]:
            entry = entries.get(item["key"])
            if entry is None:
                raise ResumeError(f"question {item['key']} is no longer in the banks")
            order = tuple(item["order"])
            if sorted(order) != list(range(option_count(entry.question))):
                raise ResumeError(f"question {item['key']} has changed since the round began")
            dealt.append(Dealt(entry, order))
        round_ = Round(dealt, MODES[data["mode"]], rules, clock)
        by_key = {shown.entry.key: shown for shown in dealt}
        for item in data["outcomes"]:  # by key: a branch skips questions
            base, bonus, streak = item["points"]
            response = answers.from_json(by_key[item["key"]].question, item["response"])
            round_.outcomes.append(Outcome(item["key"], response, item["correct"],
                                           Points(base, bonus, streak), item["elapsed"],
                                           item["timed_out"], item.get("scored", True)))
        round_.position = data["position"]
        round_.phase = Phase(data["phase"])
        round_.streak = data["streak"]
        round_.best_streak = data["best_streak"]
    except (KeyError, TypeError, ValueError, IndexError) as error:
        if isinstance(error, ResumeError):
            raise
        raise ResumeError(f"the saved round is unreadable ({error})") from None
    return round_
