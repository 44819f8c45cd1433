"""A round's forecasts summed up: the Brier score beside the 50% baseline, and a chart of
how often the player was right at each confidence they gave."""

from __future__ import annotations

from rich.text import Text

from quiz.game.calibration import BASELINE, calibration
from quiz.tui.text import joined


def calibration_text(calls: list[tuple[int, bool]]) -> Text:
    """`Calibration: Brier 0.12 against 0.25 for always saying 50%` and one line per level."""
    summary = calibration(calls)
    verdict = ("better than" if summary.mean_brier < BASELINE else
               "no better than" if summary.mean_brier == BASELINE else "worse than")
    text = joined(("Calibration ", "bold"),
                  f"Brier score {summary.mean_brier:.2f} over {summary.count} forecast"
                  f"{'s' if summary.count != 1 else ''}: {verdict} always saying 50% "
                  f"({BASELINE:.2f}). 0 is perfect.\n")
    for level in summary.levels:
        text.append(f"  {level.confidence:>3}% sure: right {level.right} of {level.asked} "
                    f"({level.hit_rate:.0%})\n")
    text.append("Well calibrated means right about as often as you said you were sure.",
                style="italic")
    return text


def draw_calibration(chart, calls: list[tuple[int, bool]]) -> None:
    """Bars: how often right at each confidence used; the line: perfect calibration."""
    summary = calibration(calls)
    chart.border_title = "How often you were right, by how sure you were"
    plt = chart.plt
    plt.clear_data()
    levels = [level.confidence for level in summary.levels]
    plt.bar(levels, [level.hit_rate * 100 for level in summary.levels], width=4)
    plt.plot([50, 100], [50, 100], marker="dot")  # perfect calibration
    plt.xlim(45, 105)
    plt.ylim(0, 100)
    plt.xticks([50, 60, 70, 80, 90, 100])
    plt.yticks([0, 50, 100], ["0%", "50%", "100%"])
    chart.refresh()
