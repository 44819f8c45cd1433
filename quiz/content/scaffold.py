"""`quiz new`: a bank file to start from, with one commented example of each type."""

from __future__ import annotations

from pathlib import Path

from quiz.content.dump import schema_reference
from quiz.content.interchange.shared import slug

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A Scenario Quiz bank. Check it with `quiz validate {name}` and `quiz lint {name}`;
# `quiz preview {name}` plays it and reloads whenever you save. The format is in
# docs/authoring.md. Delete these examples once you have questions of your own.

id: {bank_id}
title: {title}
description: What this bank covers, in a sentence or two.
authors: [Your Name]
language: en
license: CC-BY-4.0
version: "1"

questions:
  # single_choice: one right choice; `answer` counts from 0. The game shuffles choices.
  - id: example-single
    type: single_choice
    context:              # the scenario moment: when, where, and who the player is
      date: March 2024
      place: a school library
      role: a student checking a claim
    prompt: Which of these is a primary source for a 2016 policy decision?
    choices:
      - The ministry's own press release announcing it
      - A 2023 textbook chapter summarising it
      - An encyclopedia article about the period
    answer: 0
    explanation: A primary source comes from the time and the people involved.
    # sources:            # every question should cite where its answer comes from
    #   - outlet: Publisher or newspaper
    #     title: Title of the document
    #     date: 2016-07-08          # YYYY, YYYY-MM or YYYY-MM-DD
    #     url: https://example.org/document
    difficulty: easy      # easy, medium or hard
    tags: [sources]

  # multiple_select: tick every right choice; `answers` lists their positions.
  - id: example-multiple
    type: multiple_select
    prompt: Which details help you date an undated web page?
    choices:
      - Events the text mentions
      - The page's last-modified header
      - The colour of the page
    answers: [0, 1]
    explanation: The content and the server's metadata both narrow the date down.

  # true_false: is the statement in the prompt true?
  - id: example-true-false
    type: true_false
    prompt: A newspaper's page date can differ from the date of the events it reports.
    answer: true
    explanation: Reports often appear a day or more after the events.

  # ordering: list `items` in the right order; the game shuffles them.
  - id: example-ordering
    type: ordering
    prompt: Put these steps of checking a claim in order.
    items:
      - Find who first made the claim
      - Find the original document
      - Compare it with an independent source
    explanation: Trace the claim to its origin before comparing accounts.

  # numeric: type a number; anything within `tolerance` counts.
  - id: example-numeric
    type: numeric
    prompt: How many years are there between 2013 and 2017?
    answer: 4
    tolerance: 0
    unit: years
    explanation: 2017 minus 2013 is 4.

  # short_answer: type the answer. Any of `answers` counts; spaces, Unicode forms and
  # (unless `case_sensitive: true`) case are ignored. An answer can carry `feedback`.
  - id: example-short-answer
    type: short_answer
    prompt: What is the name for a document made at the time by the people involved?
    answers:
      - primary source
      - text: original source
        feedback: Right; historians usually say "primary source".
    explanation: Primary sources come from the time and the people involved.

  # matching: pick the right-hand match for each left-hand item; each pair matched earns
  # its share of the points. `distractors` are extra matches that fit no item.
  - id: example-matching
    type: matching
    prompt: Match each kind of source with an example of it.
    pairs:
      - left: Primary source
        right: A minister's press release
      - left: Secondary source
        right: A historian's book on the period
      - left: Tertiary source
        right: An encyclopedia entry
    distractors: [A rumour overheard in a café]
    explanation: Each step away from the events adds a layer of interpretation.

  # predict: what happened next? The player picks and says how sure (50-100%); scored
  # on calibration (Brier), not speed. `answer` is what really happened.
  - id: example-predict
    type: predict
    prompt: A source reports a figure from one unnamed official. What do other outlets do?
    choices:
      - Repeat it, crediting the first outlet
      - Ignore it until it is confirmed
      - Report it as their own finding
    answer: 0
    explanation: Outlets often relay a figure with its chain of attribution.

# decision: options with consequences, never marked right or wrong; inside a scenario an
# option's `goto` names the next question. At most one option is `actual: true` (what the
# real actor did), shown in the chapter's debrief. Add scenarios like this one:
scenarios:
  - id: example-chapter
    title: A chapter with a decision
    briefing: You edit the evening news. A claim arrives from an unnamed official.
    lessons:
      - "Attribute what you cannot confirm."
    questions:
      - id: example-decision
        type: decision
        prompt: How do you run the claim?
        options:
          - text: With its source named, as a claim
            consequence: Readers can weigh it for themselves.
            actual: true
          - text: As a plain fact
            consequence: If it is wrong, the mistake is yours.
        explanation: Careful outlets attribute what they cannot confirm.
"""


def scaffold_text(target: Path, title: str | None = None) -> str:
    """The starter bank for `target`, its $schema line pointing at the schema from the
    folder the file will really be in."""
    name = target.name
    return TEMPLATE.format(schema=schema_reference(target), name=name,
                           bank_id=slug(target.stem, "my-bank"),
                           title=_yaml_text(title or target.stem.replace("-", " ").title()))


def _yaml_text(text: str) -> str:
    import json

    return json.dumps(" ".join(text.split()), ensure_ascii=False)
