"""Writing files: one overwrite rule, atomic writes that never clobber a device or leave a
temporary behind, and one sentence for every way a write can fail."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.content.atomic import WriteError, write_text_atomic
from tests.faults import failing_writes, fill_up, mounted_tmpfs, remount_read_only

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = str(ROOT / "questions" / "examples.yaml")
SEEDS = str(ROOT / "seeds")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _gift(tmp_path: Path) -> str:
    source = tmp_path / "in.gift"
    source.write_text("::q1::The hotline opened in 2015. {TRUE}\n", encoding="utf-8")
    return str(source)


WRITERS = {
    "export": lambda tmp, out: ["export", EXAMPLES, "--format", "json", "-o", out],
    "generate": lambda tmp, out: ["generate", "--seeds", SEEDS, "-o", out],
    "import": lambda tmp, out: ["import", _gift(tmp), "-o", out],
    "new": lambda tmp, out: ["new", out],
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_every_writer_refuses_an_existing_file_unless_forced(tmp_path, command):
    out = tmp_path / "out.yaml" if command != "export" else tmp_path / "out.json"
    out.write_text("precious\n", encoding="utf-8")
    refused = run(*WRITERS[command](tmp_path, str(out)))
    assert refused.exit_code == 2
    assert refused.output.strip().endswith(f"quiz: {out} already exists; pass --force to "
                                           "replace it")
    assert out.read_text(encoding="utf-8") == "precious\n"
    forced = run(*WRITERS[command](tmp_path, str(out)), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8") != "precious\n"


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_no_writer_replaces_a_device(tmp_path, command):
    before = os.stat("/dev/null")
    device = tmp_path / ("out.json" if command == "export" else "out.yaml")
    device.symlink_to("/dev/null")  # a name the command accepts, on a device
    for target in (device, "/dev/null") if command == "export" else (device,):
        result = run(*WRITERS[command](tmp_path, str(target)), "--force")
        assert result.exit_code == 2
        assert f"quiz: {target} is not a regular file" in result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.parametrize(("suffix", "starts"), [(".gift", "//"), (".json", "{"),
                                                (".yaml", "# yaml-language-server"),
                                                (".aiken", "")])
def test_export_guesses_the_format_from_the_output_name(tmp_path, suffix, starts):
    out = tmp_path / f"examples{suffix}"
    result = run("export", EXAMPLES, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)
    unnamed = run("export", EXAMPLES, "-o", str(tmp_path / "examples.txt"))
    assert unnamed.exit_code == 2 and "choose a format with --format" in unnamed.output


@pytest.mark.parametrize("native", ["bank.yaml", "bank.yml", "bank.json"])
def test_importing_a_native_bank_says_so(tmp_path, native):
    source = tmp_path / native
    source.write_text(Path(EXAMPLES).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("import", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 2
    assert "is already a Scenario Quiz bank" in result.output
    assert "Aiken" not in result.output and not (tmp_path / "out.yaml").exists()


MISSING = {
    "validate": ["validate"], "key": ["key"], "lint": ["lint"], "play": ["play"],
    "preview": ["preview"], "export": ["export", "--format", "gift"],
    "import": ["import", "-o", "x.yaml"],
}


@pytest.mark.parametrize("command", sorted(MISSING))
def test_a_missing_file_is_reported_the_same_way_by_every_command(tmp_path, command):
    missing = tmp_path / "nope.yaml"
    args = MISSING[command]
    result = run(*args[:1], str(missing), *args[1:])
    assert result.exit_code == 2
    assert result.output == f"quiz: {missing}: no such file or folder\n"


def test_quiz_play_refuses_a_file_that_is_not_a_bank_before_starting(tmp_path, monkeypatch):
    from quiz.tui.app import QuizApp

    monkeypatch.setattr(QuizApp, "run", lambda self, **kw: pytest.fail("the app started"))
    readme = tmp_path / "README.md"
    readme.write_text("# Notes\n\nSome words: and more.\n", encoding="utf-8")
    result = run("play", str(readme), "--data-dir", str(tmp_path / "data"))
    assert result.exit_code == 1
    assert result.output.startswith(f"{readme}:3:1: error: ")
    assert "missing required field 'title'" in result.output


# ── write_text_atomic ─────────────────────────────────────────────────────────


def test_a_new_file_follows_the_umask_and_an_old_one_keeps_its_mode(tmp_path):
    old_mask = os.umask(0o027)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
        assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o640
        (tmp_path / "old.txt").write_text("old")
        os.chmod(tmp_path / "old.txt", 0o604)
        write_text_atomic(tmp_path / "old.txt", "new")
        assert stat.S_IMODE(os.stat(tmp_path / "old.txt").st_mode) == 0o604
        assert (tmp_path / "old.txt").read_text() == "new"
    finally:
        os.umask(old_mask)


def test_a_symlink_is_written_through_not_replaced(tmp_path):
    (tmp_path / "real.yaml").write_text("old")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    write_text_atomic(tmp_path / "link.yaml", "new")
    assert (tmp_path / "link.yaml").is_symlink()
    assert (tmp_path / "real.yaml").read_text() == "new"


@pytest.mark.parametrize(("target", "says"), [
    ("/dev/null", "it is a character device, not a regular file"),
    ("missing/x.yaml", "the folder {tmp}/missing does not exist"),
    (".", "it is a folder, not a regular file"),
])
def test_a_bad_target_is_one_sentence(tmp_path, target, says):
    path = target if target.startswith("/") else str(tmp_path / target)
    with pytest.raises(WriteError) as caught:
        write_text_atomic(path, "x")
    assert says.format(tmp=tmp_path) in str(caught.value)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize(("code", "says"), [(errno.ENOSPC, "the disk is full"),
                                            (errno.EROFS, "the file system is read-only"),
                                            (errno.EACCES, "permission denied")])
def test_a_failing_write_is_one_sentence_and_leaves_the_old_file(tmp_path, monkeypatch,
                                                                 code, says):
    target = tmp_path / "bank.yaml"
    target.write_text("old")
    with failing_writes(monkeypatch, code), pytest.raises(WriteError) as caught:
        write_text_atomic(target, "new" * 1000)
    assert str(caught.value) == f"cannot write {target}: {says}"
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["bank.yaml"]


def test_the_named_fallback_leaves_nothing_either(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    write_text_atomic(tmp_path / "a.txt", "fine")
    with failing_writes(monkeypatch), pytest.raises(WriteError, match="the disk is full"):
        write_text_atomic(tmp_path / "a.txt", "x")
    assert os.listdir(tmp_path) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "fine"


def test_a_really_full_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "disk") as disk:
        (disk / "bank.yaml").write_text("old")
        fill_up(disk)
        with pytest.raises(WriteError, match="the disk is full"):
            write_text_atomic(disk / "bank.yaml", "x" * 100_000)
        assert (disk / "bank.yaml").read_text() == "old"
        assert sorted(os.listdir(disk)) == [".filler", "bank.yaml"]
        result = run("new", str(disk / "fresh.yaml"))
        assert result.exit_code == 1 and "the disk is full" in result.output
        assert not (disk / "fresh.yaml").exists()  # no 0-byte file to block a retry
        (disk / ".filler").unlink()
        assert run("new", str(disk / "fresh.yaml")).exit_code == 0


def test_a_really_read_only_file_system(tmp_path):
    with mounted_tmpfs(tmp_path / "disk") as disk:
        (disk / "bank.yaml").write_text("old")
        remount_read_only(disk)
        result = run("export", EXAMPLES, "-o", str(disk / "bank.yaml"), "--force")
        assert result.exit_code == 1
        assert result.output.strip().endswith(
            f"quiz: cannot write {disk / 'bank.yaml'}: the file system is read-only")


STALLED_WRITER = """
import os, sys, time
if sys.argv[2] == "named":
    del os.O_TMPFILE
real_fsync = os.fsync
def stall(handle):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = stall
from quiz.content.atomic import write_text_atomic
write_text_atomic(sys.argv[1], "new" * 100_000)
"""


@pytest.mark.parametrize("way", ["unnamed", "named"])
def test_a_killed_writer_leaves_no_temporary_file(tmp_path, way):
    target = tmp_path / "bank.yaml"
    target.write_text("old")
    writer = subprocess.Popen([sys.executable, "-c", STALLED_WRITER, str(target), way],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout.readline().strip() == "writing"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert target.read_text() == "old"
    left = sorted(os.listdir(tmp_path))
    if way == "unnamed":
        assert left == ["bank.yaml"]  # an O_TMPFILE file never had a name
    else:  # a named temporary survives SIGKILL; the next write sweeps it up
        assert len(left) == 2
        write_text_atomic(target, "newer")
        assert sorted(os.listdir(tmp_path)) == ["bank.yaml"]
        assert target.read_text() == "newer"


# ── quiz new and the $schema line ─────────────────────────────────────────────


def _schema_of(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return path.parent / first.split("$schema=")[1]


def test_new_makes_no_folders_and_writes_a_schema_path_that_resolves(tmp_path):
    result = run("new", str(tmp_path / "a" / "b" / "bank.yaml"))
    assert result.exit_code == 1
    assert result.output == (f"quiz: cannot write {tmp_path / 'a' / 'b' / 'bank.yaml'}: the "
                             f"folder {tmp_path / 'a' / 'b'} does not exist\n")
    assert not (tmp_path / "a").exists()
    (tmp_path / "deep" / "er").mkdir(parents=True)
    place = tmp_path / "deep" / "er" / "bank.yaml"
    assert run("new", str(place)).exit_code == 0
    assert _schema_of(place).resolve() == ROOT / "docs" / "bank.schema.json"


def test_new_through_a_dangling_symlink(tmp_path):
    (tmp_path / "banks").mkdir()
    (tmp_path / "link.yaml").symlink_to(tmp_path / "banks" / "real.yaml")
    result = run("new", str(tmp_path / "link.yaml"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.yaml").is_symlink() and (tmp_path / "banks" / "real.yaml").is_file()
    assert _schema_of(tmp_path / "banks" / "real.yaml").resolve() == (
        ROOT / "docs" / "bank.schema.json")
    (tmp_path / "nowhere.yaml").symlink_to(tmp_path / "gone" / "x.yaml")
    refused = run("new", str(tmp_path / "nowhere.yaml"))
    assert refused.exit_code == 1 and "the folder" in refused.output


def test_generate_to_an_absolute_path_writes_a_schema_path_that_resolves(tmp_path):
    out = tmp_path / "sub" / "gen.yaml"
    out.parent.mkdir()
    assert run("generate", "--seeds", SEEDS, "-o", str(out)).exit_code == 0
    assert _schema_of(out).resolve() == ROOT / "docs" / "bank.schema.json"
