"""Source-criticism questions: which claims rest on a source nobody names, which piece is
opinion, which report ran ahead of events, and what a page's printed date stands for."""

from __future__ import annotations

from collections.abc import Iterator

from quiz.content.generate.choices import (
    MAX_DISTRACTORS,
    MIN_DISTRACTORS,
    distinct_by_text,
    lazy_shuffle,
    multiple_select,
    single_choice,
)
from quiz.content.generate.context import (
    NO_NAME,
    Draft,
    Workspace,
    in_text,
    listed,
    published,
    sentence,
    upper_first,
)
from quiz.content.generate.dates import in_words, when_phrase
from quiz.content.generate.framing import as_reader, looking_back
from quiz.model.events import Event
from quiz.model.timeline_parts import NAMELESS_BASES, SourceRecord

OPINION = frozenset({"opinion piece", "editorial"})
"""Kinds that argue a case: the keys of 'which piece is opinion'."""
REPORTING = frozenset({"news report", "wire report"})
"""Kinds that report the news: the only wrong answers beside opinion. Analysis, interviews
and statements are left out, since a reader could defend calling them opinion."""
MARKS = {
    "page": ("marks when the page was generated or saved, not when the article was written",
             "mark when the pages were generated or saved, not when the articles were written"),
    "update": ("is an 'Updated' stamp, so the article may first have appeared earlier",
               "are 'Updated' stamps, so the articles may first have appeared earlier"),
}
"""What a printed date that is not the first publication stands for (one page, several)."""
MAX_KEYS = 3
TAGS = ["source", "source-criticism"]


def source_questions(ws: Workspace) -> Iterator[Draft]:
    """Every source-criticism question the timeline's sources and claim paths allow."""
    for record in ws.timeline.sources:
        yield from unnamed(ws, record)
    yield from opinion(ws)
    for event in ws.index.by_date:
        yield from premature(ws, event)
    yield from printed_dates(ws)
    for record in ws.timeline.sources:
        yield from written(ws, record)


def named(record: SourceRecord) -> str:
    """How a sentence names the piece, mid-sentence."""
    return record.named or f"the article about {record.about}"


def offered(record: SourceRecord) -> str:
    """The piece as an option beside others: by its subject only."""
    return f"The article on {record.about}"


def unnamed(ws: Workspace, record: SourceRecord) -> Iterator[Draft]:
    """In one article, which claims rest on a source it does not name, beside claims it
    credits by name or makes in its own voice."""
    claims = ws.index.claims_by_source.get(record.id, [])
    keys = [e for e in claims if e.attribution.basis == "unnamed-source"]
    if not keys:
        return
    rng = ws.rng(record.id, "source-unnamed")
    if len(keys) > MAX_KEYS:
        keys = sorted(rng.sample(keys, MAX_KEYS), key=claims.index)
    # A quotation with no speaker could be the unnamed source talking on: never offered.
    others = [e for e in claims if e.attribution.basis not in NAMELESS_BASES]
    rng.shuffle(others)
    answers = [(upper_first(e.attribution.claim), e.id) for e in keys]
    distractors = distinct_by_text(((upper_first(e.attribution.claim), e.id) for e in others),
                                   [text for text, _ in answers])
    if len(distractors) < MIN_DISTRACTORS:
        return
    events = {e.id: e for e in claims}
    several = len(keys) > 1
    # "Unnamed source" alone is ambiguous in a piece whose author is unnamed too: the
    # stem sets the keys against the piece's own voice and against named sources.
    prompt = (f"In {named(record)}, which of these claims "
              + ("does it credit to sources it leaves unnamed, rather than stating "
                 "them itself or crediting them by name? Choose every one that applies."
                 if several else
                 "does it credit to a source it leaves unnamed, rather than stating "
                 "it itself or crediting it by name?"))
    parts = [_unnamed_lead(ws, record, keys)]
    parts += dict.fromkeys(sentence(e.attribution.note) for e in keys if e.attribution.note)
    parts += [_credited(ws, record, [events[ref] for _, ref in distractors]),
              "A source with no name cannot be checked, so such claims call for care.",
              ws.cite(record)]
    fields = dict(
        id=f"{record.id}.source-unnamed", prompt=prompt, context=as_reader(record.reader, record),
        explanation=" ".join(parts),
        sources=[ws.sources[record.id]], difficulty="medium",
        tags=[*TAGS, record.date[:4]])
    question, refs = _ask(rng, answers, distractors, fields)
    yield Draft("source", [e.id for e in keys] + [ref for _, ref in distractors], question,
                refs, [e.id for e in keys])


def _unnamed_lead(ws: Workspace, record: SourceRecord, keys: list[Event]) -> str:
    """`The Global Times' report … gives no name for the source of these claims: that …
    and that … (from an unnamed … source, quoted by JoongAng Daily).`"""
    groups: dict[tuple[str, ...], list[str]] = {}
    for event in keys:
        groups.setdefault(tuple(ws.path(event)), []).append(event.attribution.claim)
    parts = [listed([f"that {claim}" for claim in claims]) + _origin(hops)
             for hops, claims in groups.items()]
    what = "these claims" if len(keys) > 1 else "this claim"
    return (f"{upper_first(named(record))} gives no name for the source of {what}: "
            + "; ".join(parts) + ".")


def _origin(hops: tuple[str, ...]) -> str:
    """` (from an unnamed … source, quoted by JoongAng Daily)`: where the claim began, then
    who passed it on; nothing to add when the source is simply not named."""
    *through, origin = hops
    words = [] if origin == NO_NAME else [f"from {origin}"]
    words += [f"quoted by {hop}" for hop in reversed(through)]
    return f" ({', '.join(words)})" if words else ""


def _credited(ws: Workspace, record: SourceRecord, events: list[Event]) -> str:
    """What the article says of each other claim's origin, in one sentence, each origin
    once: `By contrast, the Korea Herald itself states that …; Wang Junsheng said that …`."""
    credits: dict[str, list[str]] = {}
    for event in events:
        attribution = event.attribution
        speaker = ws.hop(attribution.speaker) if attribution.speaker else None
        outlet = ws.hop(attribution.outlet) if attribution.outlet else None
        that = f"that {attribution.claim}"
        if attribution.basis in ("own-reporting", "opinion"):
            credit = "it says in its own voice"
        elif attribution.basis == "statement-to-outlet":
            credit = f"{speaker} told {in_text(record.outlet)}"
        elif attribution.basis == "other-outlet":
            credit = f"{outlet} reported" + (f", citing {speaker}," if speaker else "")
        elif outlet:  # a named speaker, through another outlet
            credit, that = f"{outlet} quoted", f"{speaker} as saying {that}"
        else:
            credit = f"{speaker} said"
        credits.setdefault(credit, []).append(that)
    own = credits.pop("it says in its own voice", None)
    parts = [f"{credit} " + listed(claims) for credit, claims in credits.items()]
    if own:  # first, so no "it" can be read as the last speaker named
        itself = _piece(record) if record.kind in OPINION else in_text(record.outlet)
        parts.insert(0, f"{itself} itself states " + listed(own))
    return "By contrast, " + "; ".join(parts) + "."


def _piece(record: SourceRecord) -> str:
    """How a sentence refers back to the piece: `the report`, `the piece`, `the article`."""
    if record.kind in REPORTING:
        return "the report"
    return "the piece" if record.kind in OPINION else "the article"


def opinion(ws: Workspace) -> Iterator[Draft]:
    """Which piece argues a case rather than reporting the news."""
    sources = [r for r in ws.timeline.sources if r.about and r.kind]
    keys = [r for r in sources if r.kind in OPINION]
    if not keys:
        return
    rng = ws.rng("source-opinion")
    picked = _pieces(rng, keys, [r for r in sources if r.kind in REPORTING])
    if picked is None:
        return
    keys, answers, distractors = picked
    several = len(keys) > 1
    prompt = ("Which of these articles are opinion pieces, arguing a case rather than "
              "reporting the news? Choose every one that applies." if several else
              "Which of these articles is an opinion piece, arguing a case rather than "
              "reporting the news?")
    reporting = [ws.records[ref] for _, ref in distractors]
    by_kind: dict[str, list[SourceRecord]] = {}
    for record in keys:
        by_kind.setdefault(record.kind, []).append(record)
    lead = " ".join(
        f"{offered(group[0])} is {'an' if kind[0] in 'aeiou' else 'a'} {kind}."
        if len(group) == 1 else
        f"The articles on {listed([r.about for r in group])} are {kind}s."
        for kind, group in by_kind.items())
    lead += "".join(f" {sentence(r.kind_note)}" for r in keys if r.kind_note)
    lead += (f" The others report the news: {listed([named(r) for r in reporting])}."
             f" An opinion piece's claims are its author's, so check them against reports.")
    fields = dict(
        id="source-opinion", prompt=prompt, context=looking_back(rng), difficulty="easy",
        explanation=" ".join([lead, *(ws.cite(r) for r in keys)]),
        sources=[ws.sources[r.id] for r in [*keys, *reporting]],
        tags=[*TAGS, *dict.fromkeys(r.date[:4] for r in keys)])
    question, refs = _ask(rng, answers, distractors, fields)
    yield Draft("source", [], question, refs, [r.id for r in keys])


def premature(ws: Workspace, event: Event) -> Iterator[Draft]:
    """Which of several dated claims ran ahead of events: a `claimed` event's claim beside
    claims of things that had happened when they were reported."""
    later = ws.events.get(event.ahead_of or "")
    attribution = event.attribution
    if later is None or later.noun is None or attribution is None or not attribution.claim:
        return
    rng = ws.rng(event.id, "source-premature")
    own = ws.records[event.sources[0]]
    answer = (_dated(own, attribution.claim), event.id)
    # One claim per article where there are enough, so the dates differ.
    candidates = [e for e in lazy_shuffle(ws.index.reported_claims, rng)
                  if e.id not in (event.id, later.id)]
    by_source: dict[str, Event] = {}
    for candidate in candidates:
        by_source.setdefault(candidate.sources[0], candidate)
        if len(by_source) > MAX_DISTRACTORS:
            break
    picked = list(by_source.values())
    picked += [e for e in candidates if e not in picked]
    distractors = distinct_by_text(
        ((_dated(ws.records[e.sources[0]], e.attribution.claim), e.id) for e in picked),
        [answer[0]])
    if len(distractors) < MIN_DISTRACTORS:
        return
    lead = (f"The report that {attribution.claim} ran ahead of events: {named(own)} made it "
            f"in {published(own)}, but {later.noun} came only {when_phrase(later)}")
    parts = [sentence(lead)]
    if attribution.note:
        parts.append(sentence(attribution.note))
    parts.append("The other claims describe what had already happened when they appeared.")
    if event.significance:
        parts.append(sentence(event.significance))
    parts.append(ws.citation(event))
    if later.sources[0] != event.sources[0]:
        # The later event's article, plainly: one path per explanation reads at a glance.
        parts.append(ws.cite(ws.records[later.sources[0]]).replace("Source: ", "Also: ", 1))
    question, refs = single_choice(
        rng, answer, distractors, id=f"{event.id}.source-premature",
        prompt=("Each of these claims appeared in an article of the date shown. Which one "
                "ran ahead of events, reporting as done something that was yet to happen?"),
        context=looking_back(rng), difficulty="medium", explanation=" ".join(parts),
        sources=ws.cited(event, later, *(ws.events[ref] for _, ref in distractors)),
        tags=[*TAGS, event.earliest[:4], *event.tags])
    yield Draft("source", [event.id, later.id, *(ref for _, ref in distractors)], question,
                refs, event.id)


def _dated(record: SourceRecord, claim: str) -> str:
    """`February 2015: the US THAAD system had been deployed in South Korea`."""
    return f"{upper_first(published(record) if record.written else _month(record.date))}: {claim}"


def _month(date: str) -> str:
    return in_words(date[:7])


def printed_dates(ws: Workspace) -> Iterator[Draft]:
    """Which pages print a date that marks something other than first publication."""
    pages = [r for r in ws.timeline.sources if r.about and r.printed]
    keys = [r for r in pages if r.printed.marks in MARKS]
    if not keys:
        return
    rng = ws.rng("source-printed")
    picked = _pieces(rng, keys, [r for r in pages if r.printed.marks == "publication"])
    if picked is None:
        return
    keys, answers, distractors = picked
    several = len(keys) > 1
    prompt = ("Which of these articles are printed under a date that marks something other "
              "than their first publication? Choose every one that applies." if several else
              "Which of these articles is printed under a date that marks something other "
              "than its first publication?")
    others = [ws.records[ref] for _, ref in distractors]
    by_marks: dict[str, list[SourceRecord]] = {}
    for record in keys:
        by_marks.setdefault(record.printed.marks, []).append(record)
    lead = "; ".join(_dates_mark(group, marks, n == 0)
                     for n, (marks, group) in enumerate(by_marks.items())) + "."
    lead += (f" {upper_first(listed([named(r) for r in others]))} "
             + ("is dated to its" if len(others) == 1 else "are dated to their")
             + " first publication. A date on a page is only as good as what it stands for.")
    cites = [ws.cite(r) for r in keys]
    cites[1:] = [c.replace("Source: ", "Also: ", 1) for c in cites[1:]]
    fields = dict(
        id="source-printed", prompt=prompt, context=looking_back(rng), difficulty="hard",
        explanation=" ".join([lead, *cites]),
        sources=[ws.sources[r.id] for r in [*keys, *others]],
        tags=[*TAGS, *dict.fromkeys(r.date[:4] for r in keys)])
    question, refs = _ask(rng, answers, distractors, fields)
    yield Draft("source", [], question, refs, [r.id for r in keys])


def _dates_mark(records: list[SourceRecord], marks: str, first: bool) -> str:
    """`The date on X, 8 November 2016, is an 'Updated' stamp, so …`, or for several
    pages `The dates on X (…) and Y (…) are 'Updated' stamps, so …`; after the first
    clause of a sentence, `that on …` and `those on …`."""
    one, several = MARKS[marks]
    if len(records) == 1:
        (record,) = records
        return (f"{'The date' if first else 'that'} on {named(record)}, "
                f"{in_words(record.printed.date)}, {one}")
    pages = listed([f"{named(r)} ({in_words(r.printed.date)})" for r in records])
    return f"{'The dates' if first else 'those'} on {pages} {several}"


def written(ws: Workspace, record: SourceRecord) -> Iterator[Draft]:
    """In which year a piece on a later-dated page was written, judging by its content: the
    page's own year is the trap; other wrong years lie two or more years away and never
    after the newest source, since the sources could not rule those out."""
    printed = record.printed
    if printed is None or printed.marks != "page" or record.written is None:
        return
    year = record.written.earliest[:4]
    if record.written.latest[:4] != year or printed.date[:4] <= year:
        return  # the content does not settle the year, or the page's date does not mislead
    rng = ws.rng(record.id, "source-written")
    page_year = printed.date[:4]
    newest = ws.newest_source_date[:4]
    before = [f"{int(year) - d:04d}" for d in (2, 4) if int(year) - d >= 1]
    after = [f"{int(year) + d:04d}" for d in (2, 4)
             if f"{int(year) + d:04d}" <= newest and f"{int(year) + d:04d}" < page_year]
    if len(before) + len(after) < 2:
        return
    earlier = rng.randint(max(0, 2 - len(after)), min(2, len(before)))
    wrong = [page_year, *before[:earlier], *after[:2 - earlier]]
    lead = (f"It was written in {year}. {sentence(record.date_note)} The date on its page, "
            f"{in_words(printed.date)}, {MARKS['page'][0]}.")
    question, refs = single_choice(
        rng, (year, year), [(w, w) for w in wrong], id=f"{record.id}.source-written",
        prompt=f"Judging by what it reports, in which year was {named(record)} written?",
        context=looking_back(rng), difficulty="medium",
        explanation=f"{lead} {ws.cite(record)}", sources=[ws.sources[record.id]],
        tags=[*TAGS, year])
    yield Draft("source", [], question, refs, year)


def _pieces(rng, keys: list[SourceRecord], others: list[SourceRecord]):
    """Up to MAX_KEYS pieces as keys and the others as wrong options, each offered by its
    subject; None when too few others remain."""
    if len(keys) > MAX_KEYS:
        keys = rng.sample(keys, MAX_KEYS)
    others = list(others)
    rng.shuffle(others)
    answers = [(offered(r), r.id) for r in keys]
    distractors = distinct_by_text(((offered(r), r.id) for r in others),
                                   [text for text, _ in answers])
    return None if len(distractors) < MIN_DISTRACTORS else (keys, answers, distractors)


def _ask(rng, answers: list, distractors: list, fields: dict):
    """One single-choice question for one key, a select-all question for several."""
    if len(answers) > 1:
        return multiple_select(rng, answers, distractors, **fields)
    return single_choice(rng, answers[0], distractors, **fields)

