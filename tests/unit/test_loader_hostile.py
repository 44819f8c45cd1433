"""A hostile bank author's files: bombs, repeated keys, odd tags, pipes, devices, unreadable
folders and wrong encodings each get one located sentence, and nothing hangs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.content.load import discover, load_file
from quiz.content.problems import LoadError

TRUE_FALSE = "id: x\ntitle: T\nquestions:\n  - id: q\n    type: true_false\n    prompt: p\n"


def problems_of(path) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    return [str(problem) for problem in caught.value.problems]


def billion_laughs(levels: int = 9) -> str:
    """A 500-byte file whose `answer` expands to 9^levels strings."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "id: x\ntitle: T\n" + "\n".join(lines) + "\n" + TRUE_FALSE.split("\n", 2)[2] + \
        f"    answer: *a{levels - 1}\n"


def test_an_alias_bomb_is_refused_at_once_with_a_short_message(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    assert path.stat().st_size < 600
    # In a child with 1 GB of address space and a deadline, so a regression fails the test
    # instead of taking the machine's memory for minutes.
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))\n"
            "from quiz.cli import main; sys.argv = ['quiz', 'validate', sys.argv[1]]; main()")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert len(result.stdout) + len(result.stderr) < 1000
    assert f"{path}:8:5: error: aliases here expand to more than 1,000,000 values" in (
        result.stdout)


def test_a_smaller_bomb_prints_short_messages(write):
    """Under the cap, each error still echoes only a few dozen characters of its value."""
    problems = problems_of(write("b.yaml", billion_laughs(5)))
    assert sum(map(len, problems)) < 2000
    assert any("questions[0].answer: must be true or false, not [[[" in p for p in problems)


def test_an_alias_to_its_own_container_is_refused(write):
    (problem,) = problems_of(write("b.yaml", "id: x\ntitle: T\nquestions: &q [*q]\n"))
    assert ":3:12: error: an alias here refers to the value that contains it" in problem


def test_repeated_keys_are_located_errors_in_yaml(write):
    path = write("b.yaml", TRUE_FALSE + "    answer: true\n    answer: false\n"
                 "    prompt: again\n")
    problems = problems_of(path)
    assert problems == [
        f"{path}:8:5: error: duplicate key 'answer': it is already set on line 7; a later "
        "value would silently replace it",
        f"{path}:9:5: error: duplicate key 'prompt': it is already set on line 6; a later "
        "value would silently replace it"]


def test_repeated_keys_are_located_errors_in_json(write):
    text = ('{"id": "x", "title": "T", "questions": [\n  {"id": "q", "type": "true_false",\n'
            '   "prompt": "p", "answer": true,\n   "answer": false}]}')
    (problem,) = problems_of(write("b.json", text))
    assert problem.endswith(':4:4: error: duplicate key "answer": it is already set in this '
                            "object; a later value would silently replace it")


def test_a_merge_key_override_is_not_a_duplicate(write):
    text = ("id: x\ntitle: T\nquestions:\n  - &base {id: a, type: true_false, prompt: p, "
            "answer: true}\n  - <<: *base\n    id: b\n    answer: false\n")
    loaded = load_file(write("b.yaml", text))
    assert [q.answer for q in loaded.model.questions] == [True, False]


@pytest.mark.parametrize(("value", "shown"), [
    ("!!bool null", "'null' cannot be read as !!bool"),
    ("!!timestamp x", "'x' cannot be read as !!timestamp"),
    ("!!int 0xZZ", "'0xZZ' cannot be read as !!int"),
    ("!!float abc", "'abc' cannot be read as !!float"),
    ("!!binary G1sySg==", "binary data (!!binary) cannot be bank text"),
    ("!!python/name:os.system x", "could not determine a constructor"),
])
def test_every_odd_tag_is_a_located_error(write, value, shown):
    path = write("b.yaml", TRUE_FALSE + f"    answer: true\n    explanation: {value}\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:8:18: error: invalid YAML: ")
    assert shown in problem


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    found: list = []
    reader = threading.Thread(target=lambda: found.append(problems_of(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "loading a FIFO blocked"
    assert found[0] == [f"{fifo}:1:1: error: this is a named pipe (FIFO), not a regular "
                        "file; name a bank file instead"]


def test_a_device_is_refused():
    (problem,) = problems_of("/dev/null")
    assert "this is a character device, not a regular file" in problem


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch, bank_data):
    import yaml

    (tmp_path / "banks" / "locked").mkdir(parents=True)
    for name in ("banks/ok.yaml", "banks/locked/hidden.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(bank_data), encoding="utf-8")
    locked = tmp_path / "banks" / "locked"
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert list(discover([tmp_path / "banks"])) == [locked, tmp_path / "banks" / "ok.yaml"]
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "banks")])
    assert result.exit_code == 1
    assert (f"{locked}:1:1: error: cannot open this folder (permission denied), so the bank "
            "files in it were not read") in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_subfolder_for_real(tmp_path, bank_data):
    import yaml

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text(yaml.safe_dump(bank_data), encoding="utf-8")
    locked.chmod(0)
    try:
        result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1 and "cannot open this folder" in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_are_named_with_the_fix(write, encoding):
    wide = encoding.split("-")[0].upper() + "-" + encoding.split("-")[1]
    (problem,) = problems_of(write("b.yaml", "id: x\ntitle: Café\n".encode(encoding)))
    assert problem.endswith(f":1:1: error: the file is saved as {wide}; save it as UTF-8 "
                            "(most editors offer this under 'Save with encoding')")


def test_a_5000_digit_number_is_located(write):
    (problem,) = problems_of(write("b.json", '{"id": "x",\n "title": "T", "n": '
                                   + "9" * 5000 + "}"))
    assert problem.endswith(":2:21: error: this number is too long or too large to read")
    (problem,) = problems_of(write("b.yaml", "id: x\ntitle: T\nn: !!int " + "9" * 5000))
    assert problem.endswith(":3:4: error: invalid YAML: this number is too long (5000 "
                            "characters)")


def test_a_raw_escape_byte_is_located_on_its_line(write):
    path = write("b.yaml", b"id: x\ntitle: caf\xc3\xa9 \x1b[2J\n")
    (problem,) = problems_of(path)
    assert problem == (f"{path}:2:13: error: invalid YAML: the character U+001B is not "
                       "allowed here (control characters cannot be written raw)")
