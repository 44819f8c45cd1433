"""`quiz serve`, `quiz host`, `quiz join` and `quiz report`: argument handling and errors."""

from __future__ import annotations

import json
import socket
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


def _public_url(host: str, port: int) -> str:
    if host not in ("0.0.0.0", "::", ""):
        return f"ws://{host}:{port}"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent; this picks the LAN address
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return f"ws://{address}:{port}"


def run_serve(bank: str | None, *, port: int, host: str, db: str | None, fresh: bool,
              chapter: str | None, count: int | None, seed: int | None, time_limit: float,
              as_json: bool) -> int:
    from quiz.classroom import hosting
    from quiz.classroom.store import StoreError
    from quiz.content.problems import LoadError

    path = default_db(db)
    try:
        hosted = hosting.open_session(path, Path(bank) if bank else None, fresh=fresh,
                                      chapter=chapter, count=count, seed=seed,
                                      time_limit=time_limit)
    except LoadError as error:
        return _fail(f"the bank cannot be used:\n{error}")
    except StoreError as error:
        return _fail(str(error))

    def announce(bound: int) -> None:
        details = hosting.join_details(hosted, _public_url(host, bound), path)
        click.echo(json.dumps(details) if as_json else hosting.describe(details))
        sys.stdout.flush()

    try:
        hosting.serve_until_stopped(hosted, host, port, announce)
    except OSError as error:
        return _fail(f"cannot listen on {host}:{port} ({error.strerror or error})")
    return 0


def run_host(bank: str | None, *, port: int, host: str, db: str | None, fresh: bool,
             chapter: str | None, count: int | None, seed: int | None, time_limit: float,
             attach: str | None, code: str | None, token: str | None) -> int:
    if attach:
        if not (code and token):
            return _fail("--attach needs --code and --token (quiz serve prints both)")
        return _dashboard(attach, code.strip().upper(), token, None,
                          Path(db) if db else None, None)
    arguments = [sys.executable, "-m", "quiz", "serve", "--json", "--port", str(port),
                 "--listen", host, "--db", str(default_db(db)),
                 "--time-limit", str(time_limit)]
    for flag, value in (("--chapter", chapter), ("--count", count), ("--seed", seed)):
        if value is not None:
            arguments += [flag, str(value)]
    if fresh:
        arguments.append("--new")
    if bank:
        arguments.append(bank)
    # The server runs in its own process so the dashboard can close, or crash, without
    # stopping the session; `quiz host --attach` reopens it. Its messages go to a log
    # beside the results file: a pipe nobody reads would fill and stall the server.
    log_path = default_db(db).with_suffix(".log")
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
    return _dashboard(details["url"], details["code"], details["host_token"], server,
                      Path(details["db"]), details["session"])


def _dashboard(url: str, code: str, token: str, server: subprocess.Popen | None,
               db: Path | None, session: int | None) -> int:
    from quiz.tui.classroom.host_app import HostApp

    app = HostApp(url, code, token, owns_server=server is not None, db=db, session=session)
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

    problem = check_url(url)
    if problem:
        return _fail(problem)
    tokens = RejoinTokens(data_dir(data) / "rejoin.json")
    if name is None and tokens.get(url, code) is None:
        return _fail("give --name to join (a rejoin needs no name, but none is saved for "
                     "this session)")
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

