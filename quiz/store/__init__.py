"""SQLite storage: the learner's history, resumable rounds and review cards."""
