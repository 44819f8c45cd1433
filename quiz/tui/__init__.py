"""The Textual interface: screens render the game's state and forward keys. Nothing else
in `quiz/` imports Textual."""
