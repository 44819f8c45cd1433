"""`quiz serve`, `quiz host`, `quiz join` and `quiz report`: argument handling and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from quiz.commands.output import say
from quiz.store.paths import data_dir


def default_db(db: str | None) -> Path:
    return Path(db) if db else data_dir() / "classroom.db"


def _fail(message: str) -> int:
    say(f"quiz: {message}")  # may quote a server's log or a file name: shown escaped
    return 2


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _ask_resume(question) -> bool | None:
    """Resume (True), start afresh (False) or stop (None), asked at the terminal."""
    say(f"quiz: {question}.")
    choice = click.prompt("Resume it [r], start a new session [n], or quit [q]",
                          type=click.Choice(["r", "n", "q"], case_sensitive=False),
                          default="q", show_choices=False)
    return {"r": True, "n": False}.get(choice.lower())


def _open(bank: str | None, options: dict):
    """The session to serve, after asking (or refusing) where a resume needs a word.
    Returns (hosted, None) or (None, exit code)."""
    from quiz.classroom import hosting
    from quiz.classroom.store import StoreError
    from quiz.content.problems import LoadError

    path = default_db(options["db"])
    arguments = {key: options[key] for key in ("fresh", "chapter", "count", "seed",
                                               "time_limit", "resume")}
    try:
        try:
            hosted = hosting.open_session(path, Path(bank) if bank else None, **arguments)
        except hosting.ResumeQuestion as question:
            if not _interactive():
                return None, _fail(f"{question}; pass --resume to carry on with it, or "
                                   f"--new to start a new session")
            answer = _ask_resume(question)
            if answer is None:
                return None, 1
            arguments.update(resume=answer, fresh=not answer)
            hosted = hosting.open_session(path, Path(bank) if bank else None, **arguments)
    except LoadError as error:
        return None, _fail(f"the bank cannot be used:\n{error}")
    except StoreError as error:
        return None, _fail(str(error))
    if options.get("admission") and not hosted.resumed:
        hosted.room.gated = True
    return hosted, None


def run_serve(bank: str | None, *, as_json: bool, **options) -> int:
    from quiz.classroom import hosting
    from quiz.classroom.addresses import public_host
    from quiz.classroom.guard import Limits

    hosted, failed = _open(bank, options)
    if hosted is None:
        return failed
    host, port = options["host"], options["port"]
    shown_host, notes = public_host(host)
    limits = Limits(options["connections_per_address"], options["joins_per_minute"])
    path = default_db(options["db"])

    def announce(bound: int) -> None:
        url = f"ws://{f'[{shown_host}]' if ':' in shown_host else shown_host}:{bound}"
        details = hosting.join_details(hosted, url, path)
        details["notes"] = notes
        if as_json:
            click.echo(json.dumps(details))
        else:
            click.echo(hosting.describe(details))
            for line in notes:
                click.echo(line)
        sys.stdout.flush()

    try:
        hosting.serve_until_stopped(hosted, host, port, announce, public_host=shown_host,
                                    limits=limits)
    except OSError as error:
        return _fail(f"cannot listen on {host}:{port} ({error.strerror or error})")
    return 0


def run_host(bank: str | None, *, attach: str | None, code: str | None, token: str | None,
             **options) -> int:
    if attach:
        if not (code and token):
            return _fail("--attach needs --code and --token (quiz serve prints both)")
        return _dashboard({"url": attach, "code": code.strip().upper(), "host_token": token},
                          None, Path(options["db"]) if options["db"] else None)
    from quiz.commands.leftover import find_running

    db = default_db(options["db"])
    running = find_running(db, options["port"])
    if running is not None:
        return _reattach(running, db)
    hosted, failed = _open(bank, options)
    if hosted is None:
        return failed
    resume = hosted.resumed
    hosted.connection.close()
    arguments = [sys.executable, "-m", "quiz", "serve", "--json", "--port",
                 str(options["port"]), "--listen", options["host"], "--db", str(db),
                 "--time-limit", str(options["time_limit"]),
                 "--connections-per-address", str(options["connections_per_address"]),
                 "--joins-per-minute", str(options["joins_per_minute"])]
    for flag in ("chapter", "count", "seed"):
        if options[flag] is not None:
            arguments += [f"--{flag}", str(options[flag])]
    arguments.append("--resume" if resume else "--new")
    if options.get("admission"):
        arguments.append("--admission")
    if bank:
        arguments.append(bank)
    return _start_and_show(arguments, db)


def _start_and_show(arguments: list[str], db: Path) -> int:
    # The server runs in its own process so the dashboard can close, or crash, without
    # stopping the session; `quiz host --attach` reopens it. Its messages go to a log
    # beside the results file: a pipe nobody reads would fill and stall the server.
    log_path = db.with_suffix(".log")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    start = log_path.stat().st_size if log_path.exists() else 0
    with open(log_path, "a", encoding="utf-8") as log:
        server = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=log, text=True,
                                  start_new_session=True)
    line = server.stdout.readline()
    if not line:
        server.wait()
        with open(log_path, encoding="utf-8", errors="replace") as log:
            log.seek(start)
            said = log.read().strip()
        return _fail(said.removeprefix("quiz: ") or "the session server did not start")
    details = json.loads(line)
    return _dashboard(details, server, Path(details["db"]))


def _reattach(running: dict, db: Path) -> int:
    """Our own server from an earlier `quiz host` still holds the port: offer it."""
    command = (f"quiz host --attach {running['url']} --code {running['code']} "
               f"--token {running['host_token']}")
    say(f"quiz: a session server for {db} is already running on {running['url']} "
        f"(session {running['code']}), left running by an earlier dashboard.")
    if not _interactive():
        say(f"Reattach with:\n  {command}")
        return 1
    if not click.confirm("Reattach the dashboard to it?", default=True):
        say(f"Stop it first (process {running.get('pid', '?')}), or pass --port to run "
            "another.")
        return 1
    return _dashboard(running, None, db)


def _dashboard(details: dict, server: subprocess.Popen | None, db: Path | None) -> int:
    from quiz.tui.classroom.host_app import HostApp

    url, code, token = details["url"], details["code"], details["host_token"]
    app = HostApp(url, code, token, owns_server=server is not None, db=db,
                  session=details.get("session"), details=details)
    app.run()
    if server is not None:
        if app.stop_server:
            server.terminate()
            server.wait(timeout=10)
        else:
            click.echo(f"The session keeps running (process {server.pid}). Reattach with:\n"
                       f"  quiz host --attach {url} --code {code} --token {token}")
    return 1 if app.return_code else 0  # Textual has printed what killed the app


def run_join(url: str, code: str, name: str | None, data: str | None) -> int:
    from quiz.classroom.client import RejoinTokens, check_url
    from quiz.classroom.names import NameError_, clean_name

    problem = check_url(url)
    if problem:
        return _fail(problem)
    if name is not None:
        try:
            name = clean_name(name)
        except NameError_ as error:
            return _fail(f"{error}; choose another --name")
    tokens = RejoinTokens(data_dir(data) / "rejoin.json")
    if name is None:
        saved = tokens.names(url, code)
        if not saved:
            return _fail("give --name to join (a rejoin needs no name, but none is saved "
                         "for this session)")
        if len(saved) > 1:
            return _fail("this data folder holds more than one name for this session ("
                         + ", ".join(saved) + "); give --name to say which is yours")
        name = saved[0]
    if not sys.stdin.isatty():
        # Textual reads keys from stdin; a pipe or /dev/null at EOF would spin its input
        # loop at full speed for as long as the app waited.
        web = "http" + url.removeprefix("ws")
        return _fail(f"quiz join needs a terminal to read your keys (its input is not "
                     f"one); without a terminal, open {web}/?code={code} in a browser")
    from quiz.tui.classroom.student_app import StudentApp

    app = StudentApp(url, code, name, tokens)
    app.run()
    return 1 if app.return_code else 0  # Textual has printed what killed the app


def run_report(db: str | None, session: int | None, fmt: str) -> int:
    from quiz.classroom import report
    from quiz.classroom.store import StoreError, open_store

    path = default_db(db)
    if not path.exists():
        return _fail(f"{path} does not exist; give --db with the file `quiz serve` used")
    try:
        built = report.build_report(open_store(path), session)
    except StoreError as error:
        return _fail(str(error))
    render = {"text": report.as_text, "csv": report.as_csv, "json": report.as_json}[fmt]
    click.echo(render(built), nl=False)
    return 0
