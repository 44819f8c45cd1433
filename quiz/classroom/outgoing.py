"""Who hears what: the messages for a state just entered, and what a (re)joining student,
host or projector screen needs to see the session as it is now."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.classroom import protocol as p
from quiz.classroom import views
from quiz.classroom.room import Player, Room

Outgoing = list[tuple[list, str]]
"""(sockets, encoded message) pairs, sent in order."""


@dataclass
class Audience:
    """The open connections by role. Students waiting to be let in are apart: they
    hear nothing of the game until the teacher admits them."""

    students: dict[str, object] = field(default_factory=dict)
    waiting: dict[str, object] = field(default_factory=dict)
    hosts: set = field(default_factory=set)
    screens: set = field(default_factory=set)

    def everyone(self) -> list:
        return [*self.students.values(), *self.hosts, *self.screens]

    def watchers(self) -> list:
        """The host and the projector: they see the class's view, not a student's."""
        return [*self.hosts, *self.screens]


def announcements(room: Room, audience: Audience, action: str,
                  was_open: bool = False) -> Outgoing:
    """Messages for the state just entered, built before the commit so that what is sent
    matches what was stored even if the room moves on meanwhile. Ending during a
    question shows that question's reveal first: its answers count."""
    everyone = audience.everyone()
    if room.state == "question" and action in ("start", "next"):
        return [(everyone, p.encode(views.question(room)))]
    if action in ("pause", "resume"):
        phase = p.Phase(type="phase", state=room.state, time_left=room.time_left())
        return [(everyone, p.encode(phase))]
    if room.state == "reveal":
        return reveal(room, audience)
    if room.state == "ended":
        out = reveal(room, audience) if was_open else []
        ranks = room.ranks()
        out += [([socket], p.encode(views.standings(room, True, room.players[pid], ranks)))
                for pid, socket in audience.students.items()]
        return out + [(audience.watchers(), p.encode(views.standings(room, True))),
                      (everyone, p.encode(p.Phase(type="phase", state="ended")))]
    return []


def reveal(room: Room, audience: Audience) -> Outgoing:
    ranks, counts, class_brier = room.ranks(), room.distribution(), room.class_brier()
    out = [([socket], p.encode(views.reveal(room, room.players[pid], counts, ranks,
                                            class_brier)))
           for pid, socket in audience.students.items()]
    return out + [(audience.watchers(), p.encode(views.reveal(room, None, counts, ranks,
                                                              class_brier))),
                  (audience.everyone(), p.encode(views.standings(room, False)))]


def catch_up(room: Room, player: Player | None) -> list:
    """What a (re)joining party needs to see the session as it is now (None: the host
    or the screen)."""
    if room.state == "lobby":
        return [views.lobby(room)]
    if room.state in ("question", "paused"):
        shown = [views.question(room, player)]
        if room.state == "paused":
            shown.append(p.Phase(type="phase", state="paused", time_left=room.time_left()))
        return shown
    ranks = room.ranks()
    if room.state == "reveal":
        return [views.reveal(room, player, room.distribution(), ranks, room.class_brier()),
                views.standings(room, False, player, ranks)]
    return [views.standings(room, True, player, ranks), p.Phase(type="phase", state="ended")]


def screen_catch_up(room: Room) -> list:
    shown = catch_up(room, None)
    if room.state in ("question", "paused"):
        shown.append(views.count(room))
    return shown

