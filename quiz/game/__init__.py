"""The game's pure core: dealing, answering, scoring, timing and review, with no Textual."""
