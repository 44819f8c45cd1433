"""Turn a documented timeline into cited scenario questions, deterministically by seed."""

from quiz.content.generate.core import KINDS, Draft, Generated, NothingToAsk, generate

__all__ = ["KINDS", "Draft", "Generated", "NothingToAsk", "generate"]
