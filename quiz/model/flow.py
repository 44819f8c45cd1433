"""The paths through a scenario: each decision option leads to a named question or the next
one. Every `goto` must resolve, every question be reachable, and every path reach the end."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quiz.safety.terminal import shown

Problem = tuple[tuple, str]


def successors(questions: Sequence, index: int, ids: dict[str, int]) -> list[int]:
    """Where play can go after question `index`: an option's goto, or the next question
    (`len(questions)` is the end of the scenario)."""
    question = questions[index]
    options = getattr(question, "options", None)
    if question.type != "decision" or not options:
        return [index + 1]
    return [ids.get(option.goto, -1) if option.goto else index + 1 for option in options]


def flow_problems(questions: Sequence, where: tuple) -> Iterator[Problem]:
    """Located problems with a scenario's paths: unknown gotos, unreachable questions, and
    questions from which every path loops without reaching the end."""
    ids = {question.id: n for n, question in enumerate(questions)}
    end = len(questions)
    broken = False
    for n, question in enumerate(questions):
        for m, option in enumerate(getattr(question, "options", None) or []):
            if option.goto is not None and option.goto not in ids:
                broken = True
                yield (where + (n, "options", m, "goto"),
                       f"goto {shown(option.goto)} names no question in this scenario")
    if broken:
        return  # the graph is not whole: reachability would only repeat the same fault
    edges = {n: successors(questions, n, ids) for n in range(end)}
    reached = _reach([0], edges) if questions else set()
    for n in range(end):
        if n not in reached:
            yield (where + (n, "id"),
                   f"question {shown(questions[n].id)} can never be reached: no option leads "
                   "to it, and the question before it always goes elsewhere")
    backwards: dict[int, list[int]] = {n: [] for n in range(end + 1)}
    for n, targets in edges.items():
        for target in targets:
            backwards[target].append(n)
    finishing = _reach([end], backwards)
    for n in sorted(reached - finishing):
        yield (where + (n, "id"),
               f"from question {shown(questions[n].id)} every path loops back without "
               "reaching the end of the scenario; give one option a way out")


def stray_gotos(questions: Sequence, where: tuple) -> Iterator[Problem]:
    """Free-standing questions are shuffled, so a `goto` among them means nothing."""
    for n, question in enumerate(questions):
        for m, option in enumerate(getattr(question, "options", None) or []):
            if option.goto is not None:
                yield (where + (n, "options", m, "goto"),
                       "goto only works inside a scenario, where questions are played in order")


def _reach(start: list[int], edges: dict[int, list[int]]) -> set[int]:
    seen, stack = set(), list(start)
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return seen
