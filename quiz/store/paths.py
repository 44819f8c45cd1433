"""Where the learner's files live; cheap to import (no models, no SQLite)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(explicit: str | Path | None = None) -> Path:
    """--data-dir, else $QUIZ_DATA_DIR, else the platform's user data folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get("QUIZ_DATA_DIR"):
        return Path(os.environ["QUIZ_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("scenario-quiz", appauthor=False))
