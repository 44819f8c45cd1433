"""The ways to play: timing, feedback, ordering and round length for each mode."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    """How a round behaves."""

    name: str
    title: str
    blurb: str
    timed: bool = False
    feedback: bool = True
    """Show right/wrong, the explanation and the source after each answer."""
    time_limit: float | None = None
    """Seconds per question in timed modes, unless a question sets its own."""
    shuffle: bool = True
    round_length: int | None = 10
    """How many questions a round deals; None plays them all."""
    only_types: tuple[str, ...] | None = None


MODES: dict[str, Mode] = {mode.name: mode for mode in (
    Mode("practice", "Practice", "Untimed, with feedback after each question."),
    Mode("challenge", "Challenge", "20 seconds a question; speed and streaks score extra.",
         timed=True, time_limit=20.0),
    Mode("exam", "Exam", "45 seconds a question, no feedback until a full review at the end.",
         timed=True, feedback=False, time_limit=45.0, round_length=15),
    Mode("campaign", "Campaign", "The scenario chapters in order; pass one to unlock the next.",
         shuffle=False, round_length=None),
    Mode("timeline", "Timeline", "Up to 8 ordering questions, untimed; each item in its "
         "right place earns points.", round_length=8, only_types=("ordering",)),
    Mode("review", "Review", "Up to 10 questions you missed that are due again, most "
         "overdue first.", shuffle=False),
    Mode("predict", "Predict", "What happened next? Forecast each turning point and say "
         "how sure you are; scored on calibration, not speed.", round_length=10,
         only_types=("predict",)),
)}

def limit_for(question, base: float | None) -> float | None:
    """Seconds allowed for a question: its own `time_limit`, else `base`; a matching's base
    stretches with its pairs (half of it a pair, and never less than all of it), since it
    asks several things at once."""
    if question.time_limit or base is None:
        return question.time_limit
    return base * max(1.0, len(getattr(question, "pairs", ())) / 2)


PASS_MARK = 0.6
"""The share of a chapter's questions a player must get right to unlock the next."""
