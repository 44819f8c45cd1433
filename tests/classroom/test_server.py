"""A real server on a loopback port with real websocket clients: whole rounds, rejoins,
the host's powers, names with markup, and that the key stays secret until the reveal."""

from __future__ import annotations

from quiz.classroom import store
from tests.classroom.helpers import Party, answer, control, host, running, student


def test_a_full_round_two_students_and_the_host(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, welcome = student(server, "Ann")
        bob, _ = student(server, "Bob")
        assert welcome.state == "lobby" and welcome.score == 0
        assert ann.expect("lobby", count=2).players == ["Ann", "Bob"]

        control(teacher, "start")
        first = ann.expect("question", index=0)
        bob.expect("question", index=0)
        assert first.total == 3 and len(first.choices) == 4
        right = first.choices.index("Beijing")
        assert answer(ann, 0, right).accepted
        assert answer(bob, 0, (right + 1) % 4).accepted
        # Everyone answered, so the server reveals at once.
        reveal = ann.expect("reveal", index=0)
        assert reveal.correct and reveal.points > 0 and reveal.rank == 1
        assert bob.expect("reveal", index=0).correct is False
        assert teacher.expect("reveal", index=0).distribution[right] == 1

        control(teacher, "next")
        ann.expect("question", index=1)
        assert answer(ann, 1, True).accepted
        assert answer(bob, 1, True).accepted
        ann.expect("reveal", index=1)
        control(teacher, "next")
        ann.expect("question", index=2)
        assert answer(ann, 2, 3).accepted
        assert answer(bob, 2, 4.0).accepted
        ann.expect("reveal", index=2)
        control(teacher, "next")
        final = ann.expect("standings", final=True)
        assert final.rank == 1 and final.of == 2 and final.top[0][0] == "Ann"
        assert bob.expect("standings", final=True).rank == 2
        teacher.expect("phase", state="ended")

        room = store.load_room(server.hosted.connection, server.hosted.session)
        assert room.state == "ended"
        scores = {p.name: (p.score, len(p.answers)) for p in room.players.values()}
        assert scores["Ann"][1] == 3 and scores["Bob"][1] == 3
        assert scores["Ann"][0] > scores["Bob"][0]


def test_one_answer_counts_and_a_wrong_index_is_refused(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        ann.expect("question", index=0)
        assert answer(ann, 0, 0).accepted
        again = answer(ann, 0, 1)
        assert not again.accepted and "already answered" in again.reason
        wrong = answer(ann, 1, 0)
        assert not wrong.accepted and "not open" in wrong.reason


def test_a_late_answer_is_refused_with_a_reason(tmp_path):
    with running(tmp_path, time_limit=3) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        control(teacher, "start")
        ann.expect("question", index=0)
        ann.expect("reveal", index=0, timeout=6)  # the server's clock closed it
        late = answer(ann, 0, 1)
        assert not late.accepted and "not open" in late.reason


def test_a_student_who_drops_rejoins_with_the_same_identity_and_score(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, welcome = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        question = ann.expect("question", index=0)
        answer(ann, 0, question.choices.index("Beijing"))
        ann.close()

        back = Party(server.url)
        back.hello(server.code, rejoin_token=welcome.rejoin_token)
        again = back.expect("welcome")
        assert again.player_id == welcome.player_id and again.name == "Ann"
        # The score is as of the last reveal: the open question's points would tell
        # which choice is right (four accounts could try each one).
        assert again.score == 0
        assert back.expect("question", index=0).locked_in
        control(teacher, "skip")
        revealed = back.expect("reveal", index=0).score
        assert revealed > 0
        back.close()
        later = Party(server.url)
        later.hello(server.code, rejoin_token=welcome.rejoin_token)
        assert later.expect("welcome").score == revealed
        # The name stays hers: nobody else can take it, nor a look-alike of it.
        for thief_name in ("ann", "ＡＮＮ", "\u0410nn"):  # full width; Cyrillic А
            thief = Party(server.url)
            thief.hello(server.code, name=thief_name)
            assert thief.expect("error").code == "name_taken"


def test_scores_stay_hidden_from_the_dashboard_while_a_question_is_open(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        question = ann.expect("question", index=0)
        answer(ann, 0, question.choices.index("Beijing"))
        roster = teacher.expect("roster", answered=1)
        assert [entry.score for entry in roster.players] == [0, 0]
        control(teacher, "skip")
        teacher.expect("reveal", index=0)
        while True:
            roster = teacher.expect("roster", state="reveal")
            if roster.players[0].score:
                break


def test_ending_mid_question_reveals_it_first(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        question = ann.expect("question", index=0)
        answer(ann, 0, question.choices.index("Beijing"))
        control(teacher, "end")
        reveal = ann.expect("reveal", index=0)
        assert reveal.correct and reveal.points > 0
        final = ann.expect("standings", final=True)
        assert final.score == reveal.score and final.rank == 1
        teacher.expect("reveal", index=0)
        teacher.expect("phase", state="ended")


def test_controls_belong_to_the_host_alone(tmp_path):
    with running(tmp_path) as server:
        ann, _ = student(server, "Ann")
        control(ann, "start")
        assert ann.expect("error").code == "not_host"
        impostor = Party(server.url)
        impostor.hello(server.code, role="host", host_token="x" * 24)
        refused = impostor.expect("error")
        assert refused.code == "not_host" and refused.fatal
        assert server.room.state == "lobby"


def test_the_host_can_kick_and_lock(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, welcome = student(server, "Ann")
        control(teacher, "lock")
        teacher.expect("roster", locked=True)
        late = Party(server.url)
        late.hello(server.code, name="Zed")
        assert late.expect("error").code == "locked"
        control(teacher, "kick", player=welcome.player_id)
        assert ann.expect("error").code == "kicked"
        back = Party(server.url)
        back.hello(server.code, rejoin_token=welcome.rejoin_token)
        assert back.expect("error").code == "kicked"


def test_names_with_markup_are_kept_literally(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        name = "[bold red]Sam[/] <b>"
        _, welcome = student(server, name)
        assert welcome.name == name
        roster = teacher.expect("roster", answered=0)
        while not roster.players:
            roster = teacher.expect("roster")
        assert roster.players[0].name == name


def test_no_message_to_a_student_reveals_the_answer_before_the_reveal(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        control(teacher, "start")
        for index in range(3):
            question = ann.expect("question", index=index)
            assert set(question.model_dump(exclude_defaults=True)) <= {
                "type", "index", "total", "kind", "prompt", "context", "choices", "unit",
                "time_limit", "time_left"}
            explanation = server.room.dealt[index].question.explanation
            raw_before = [m.model_dump_json() for m in ann.seen]
            assert not any(explanation in raw for raw in raw_before)
            assert not any(m.type == "reveal" and m.index == index for m in ann.seen)
            control(teacher, "skip")
            assert ann.expect("reveal", index=index).explanation == explanation
            control(teacher, "next")


def test_fan_out_frames_once_and_reaches_every_open_connection(tmp_path):
    """The question goes out through the shared-frame path; a student whose connection
    is closing is skipped without disturbing the others."""
    with running(tmp_path) as server:
        teacher = host(server)
        parties = [student(server, f"S{i}")[0] for i in range(5)]
        parties[2].close()
        control(teacher, "start")
        received = [party.expect("question", index=0) for i, party in enumerate(parties)
                    if i != 2]
        assert len({r.model_dump_json() for r in received}) == 1
        assert teacher.expect("question", index=0).prompt == received[0].prompt
