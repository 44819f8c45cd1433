"""`make bench-classroom`: N simulated students, in processes apart from the server, play
a 10-question round on loopback against `quiz serve`, and against a bare websockets relay
(same traffic, no room or database) measured in the same run.

Each student answers after a random think time of 0–2 s, so a class of 2000 sends about
1000 answers a second. Times use CLOCK_MONOTONIC, which all processes on a machine share.
Every phase has a time limit, so a stuck run fails instead of hanging.

Fan-out is reported three ways: the server's own loop writing a new question to every
socket (median, from the server's stats file), the time until the host's copy arrives
(written after every student's), and the time until the last student process reads it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import print_table
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = 10
THINK = 2.0
PHASE_LIMIT = 120.0


def bank_text() -> str:
    questions = [{"id": f"q{i}", "type": "single_choice", "prompt": f"Question {i}?",
                  "choices": ["a", "b", "c", "d"], "answer": 0} for i in range(QUESTIONS)]
    return json.dumps({"id": "bench", "title": "Bench", "questions": questions})


# ── Students (in worker processes) ──────────────────────────────────────────


async def _student(url: str, code: str, name: str, out: dict, all_joined: asyncio.Event):
    async with connect(url, compression=None, max_size=None, open_timeout=60) as socket:
        start = time.monotonic()
        await socket.send(json.dumps({"type": "hello", "version": 1, "role": "student",
                                      "code": code, "name": name}))
        while json.loads(await socket.recv())["type"] != "welcome":
            pass
        out["join"].append(time.monotonic() - start)
        all_joined.set() if len(out["join"]) == out["expected"] else None
        sent: dict[int, float] = {}
        pending: list[asyncio.Task] = []

        async def answer_later(index: int) -> None:
            await asyncio.sleep(random.uniform(0, THINK))
            sent[index] = time.monotonic()
            out["sent"] += 1
            await socket.send(json.dumps({"type": "answer", "question": index,
                                          "value": random.randrange(4)}))

        async for raw in socket:
            message = json.loads(raw)
            kind = message["type"]
            if kind == "question":
                out["received"].setdefault(message["index"], []).append(time.monotonic())
                pending.append(asyncio.create_task(answer_later(message["index"])))
            elif kind == "ack":
                out["ack"].append(time.monotonic() - sent[message["question"]])
                out["accepted"] += bool(message["accepted"])
            elif kind == "standings" and message.get("final"):
                return


def run_students(url: str, code: str, names: list[str], joined, results) -> None:
    """A worker process: join every student (in batches, as a class trickles in), report
    the join, then play until the final standings."""
    out = {"join": [], "ack": [], "received": {}, "sent": 0, "accepted": 0,
           "expected": len(names)}

    async def main() -> None:
        all_joined = asyncio.Event()
        tasks = []
        for start in range(0, len(names), 50):
            tasks += [asyncio.create_task(_student(url, code, name, out, all_joined))
                      for name in names[start:start + 50]]
            await asyncio.sleep(0.02)
        await asyncio.wait_for(all_joined.wait(), PHASE_LIMIT)
        joined.put(len(out["join"]))
        await asyncio.wait_for(asyncio.gather(*tasks), PHASE_LIMIT * 3)

    try:
        asyncio.run(main())
    except Exception as error:  # noqa: BLE001 - reported to the controller, not lost
        out["error"] = f"{type(error).__name__}: {error}"
        joined.put(len(out["join"]))
    results.put(out)


# ── The controller (the host) ───────────────────────────────────────────────


async def host_round(url: str, code: str, token: str) -> tuple[list[float], list[float]]:
    """Open each question and wait for its reveal. Returns when each question was asked
    for, and how long until the host's own copy arrived: the server writes it after
    every student's, so that is the server-side fan-out plus one loopback hop."""
    opened, echoed = [], []
    async with connect(url, compression=None, max_size=None) as socket:
        await socket.send(json.dumps({"type": "hello", "version": 1, "role": "host",
                                      "code": code, "host_token": token}))
        for index in range(QUESTIONS):
            opened.append(time.monotonic())
            await socket.send(json.dumps({"type": "control",
                                          "action": "start" if index == 0 else "next"}))
            while True:
                message = json.loads(await asyncio.wait_for(socket.recv(), PHASE_LIMIT))
                if message["type"] == "question" and message["index"] == index:
                    echoed.append(time.monotonic() - opened[-1])
                if message["type"] == "reveal" and message["index"] == index:
                    break
        await socket.send(json.dumps({"type": "control", "action": "next"}))
        await asyncio.sleep(0.5)
    return opened, echoed


def start_server(kind: str, workdir: Path) -> tuple[subprocess.Popen, dict]:
    if kind == "bare":
        argv = [sys.executable, str(ROOT / "bench" / "classroom_bare.py")]
    else:
        bank = workdir / "bench.json"
        bank.write_text(bank_text())
        # Every simulated student comes from 127.0.0.1, so the per-address limits (a
        # classroom's defaults) are lifted here, as the docs say to for such a test.
        argv = [sys.executable, "-m", "quiz", "serve", "--json", "--port", "0", "--new",
                "--db", str(workdir / "bench.db"), "--time-limit", "30",
                "--connections-per-address", "10000", "--joins-per-minute", "100000",
                str(bank)]
    env = {**os.environ, "QUIZ_STATS_FILE": str(workdir / "stats.jsonl")}
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    return process, json.loads(process.stdout.readline())


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(kind: str, students: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        process, details = start_server(kind, Path(folder))
        try:
            return _measure(process, details, students, workers, Path(folder), kind)
        finally:
            process.terminate()
            process.wait(10)


def _measure(process, details, students, workers, folder, kind) -> dict:
    context = multiprocessing.get_context("fork")
    joined, results = context.Queue(), context.Queue()
    names = [f"S{i}" for i in range(students)]
    share = [names[w::workers] for w in range(workers)]
    started = time.monotonic()
    pool = [context.Process(target=run_students, args=(details["url"], details["code"],
                                                       chunk, joined, results))
            for chunk in share]
    for worker in pool:
        worker.start()
    join_counts = [joined.get(timeout=PHASE_LIMIT) for _ in pool]
    join_wall = time.monotonic() - started
    opened, echoed = asyncio.run(host_round(details["url"], details["code"], details["host_token"]))
    outs = [results.get(timeout=PHASE_LIMIT * 3) for _ in pool]
    for worker in pool:
        worker.join(10)
    errors = [out["error"] for out in outs if "error" in out]
    if errors or sum(join_counts) != students:
        sys.exit(f"{kind} with {students} students failed: {errors[:3]}")
    acks = sorted(a for out in outs for a in out["ack"])
    fanout = [max(t for out in outs for t in out["received"].get(i, [])) - opened[i]
              for i in range(QUESTIONS)]
    joins = sorted(j for out in outs for j in out["join"])
    sent = sum(out["sent"] for out in outs)
    accepted = sum(out["accepted"] for out in outs)
    stored = accepted
    if kind == "quiz":
        with sqlite3.connect(folder / "bench.db") as db:
            stored = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    writes = [json.loads(line)["fanout_ms"] / 1000
              for line in (folder / "stats.jsonl").read_text().splitlines()]
    return {"join_wall": join_wall, "join_p99": joins[int(len(joins) * 0.99) - 1],
            "fanout_median": statistics.median(fanout), "fanout_max": max(fanout),
            "server_fanout": statistics.median(echoed),
            "write_loop": statistics.median(writes),
            "ack_p50": acks[len(acks) // 2], "ack_p99": acks[int(len(acks) * 0.99) - 1],
            "lost": sent - accepted + max(0, accepted - stored), "answers": sent,
            "rss": peak_rss_mb(process.pid)}


def raise_open_files(needed: int) -> str:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(needed, soft)), hard))
    now = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return f"open-file limit {soft} → {now} (hard {hard})" if now != soft else \
        f"open-file limit {soft} (enough)"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def browser_rows() -> None:
    """The student page in headless Chromium, against the bare relay's minimal page."""
    import classroom_browser

    why = classroom_browser.why_skipped()
    if why:
        print(f"\nBrowser figures skipped: {why}")
        return
    rows, baseline = [], None
    for kind in ("bare", "quiz"):
        with tempfile.TemporaryDirectory() as folder:
            process, details = start_server(kind, Path(folder))
            try:
                r = classroom_browser.measure(kind, details)
            finally:
                process.terminate()
                process.wait(10)
        baseline = baseline or r
        rows.append([kind, ms(r["cold"]), ms(r["load_median"]), ms(r["load_max"]),
                     f"{r['load_median'] / baseline['load_median']:.2f}×",
                     f"{r['tabs']:.2f}", f"{r['tabs'] / baseline['tabs']:.2f}×"])
        print(f"  browser {kind}: done", file=sys.stderr, flush=True)
    print(f"\nHeadless Chromium: page load to joined (the first with an empty cache, then "
          f"the median of {classroom_browser.LOADS}), "
          f"and {classroom_browser.TABS} tabs of one browser joining at once "
          "(target: all in the lobby within 5 s)\n")
    print_table(["server", "first load + join (ms)", "load + join p50 (ms)", "… max (ms)",
                 "vs bare",
                 f"{classroom_browser.TABS} tabs all joined (s)", "vs bare"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,500,1000,2000")
    parser.add_argument("--browser-only", action="store_true",
                        help="Only the headless-browser figures.")
    arguments = parser.parse_args()
    if arguments.browser_only:
        browser_rows()
        return
    sizes = [int(s) for s in arguments.sizes.split(",")]
    # Each student holds a socket on both ends; children inherit the raised limit.
    print(raise_open_files(2 * max(sizes) + 256))
    print(f"{os.cpu_count()} cores; students answer after 0–{THINK:.0f} s of think time\n")
    rows = []
    for size in sizes:
        workers = 1 if size <= 200 else 2 if size <= 1000 else 3
        for kind in ("bare", "quiz"):
            r = measure(kind, size, workers)
            rows.append([str(size), kind, f"{r['join_wall']:.2f}", ms(r["join_p99"]),
                         ms(r["write_loop"]),
                         ms(r["server_fanout"]), ms(r["fanout_median"]), ms(r["fanout_max"]),
                         ms(r["ack_p50"]),
                         ms(r["ack_p99"]), f"{r['lost']}/{r['answers']}", f"{r['rss']:.0f}"])
            print(f"  {kind} × {size}: done", file=sys.stderr, flush=True)
    print_table(["students", "server", "join all (s)", "join p99 (ms)",
                 "fan-out, write loop (ms)", "fan-out, to host (ms)",
                 "fan-out, to last student (ms)", "… max (ms)", "ack p50 (ms)", "ack p99 (ms)",
                 "lost", "peak RSS (MB)"], rows)
    browser_rows()


if __name__ == "__main__":
    main()
