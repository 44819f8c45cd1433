"""The bare baseline for `make bench-classroom`: the same wire traffic with nothing
behind it. It acks every answer at once (no room, no scoring, no database) and relays
the host's start/next to every student as a question. Prints its port, then serves."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time

from websockets.asyncio.server import broadcast, serve

PAGE = b"""<!doctype html><meta charset="utf-8"><title>bare</title><script>
const query = new URLSearchParams(location.search);
const socket = new WebSocket(`ws://${location.host}/`);
socket.onopen = () => socket.send(JSON.stringify({type: "hello", version: 1,
  role: "student", code: query.get("code"), name: query.get("name")}));
socket.onmessage = (event) => {
  if (JSON.parse(event.data).type === "welcome") document.title = "joined";
};
</script>"""
"""The browser baseline: a page that only opens the socket and says hello."""


def page(connection, request):
    """A plain GET gets the bare page; an upgrade goes on."""
    if "websocket" in request.headers.get("Upgrade", "").lower():
        return None
    response = connection.respond(200, "")
    response.body = PAGE
    del response.headers["Content-Length"]
    del response.headers["Content-Type"]
    response.headers["Content-Length"] = str(len(PAGE))
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    return response


QUESTION = {"type": "question", "total": 10, "kind": "single_choice", "prompt": "p",
            "choices": ["a", "b", "c", "d"], "time_limit": 30.0}


def _record(milliseconds: float) -> None:
    """The write loop's time, in the same stats file the real server writes."""
    if os.environ.get("QUIZ_STATS_FILE"):
        with open(os.environ["QUIZ_STATS_FILE"], "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"fanout_ms": milliseconds}) + "\n")


async def main() -> None:
    students: set = set()
    hosts: set = set()
    answered: dict[int, int] = {}
    state = {"index": -1}

    async def handler(socket):
        hello = json.loads(await socket.recv())
        if hello["role"] == "host":
            hosts.add(socket)
            await socket.send(json.dumps({"type": "welcome", "version": 1, "state": "lobby"}))
        else:
            students.add(socket)
            await socket.send(json.dumps({"type": "welcome", "version": 1, "player_id": "p",
                                          "name": hello["name"], "state": "lobby"}))
            # The real server tells the host of each arrival (its roster); so does this.
            broadcast(hosts, json.dumps({"type": "joined", "count": len(students)}))
        async for raw in socket:
            message = json.loads(raw)
            if message["type"] == "control":
                state["index"] += 1
                if state["index"] >= 10:
                    broadcast(students | hosts, json.dumps(
                        {"type": "standings", "top": [], "final": True}))
                else:
                    started = time.perf_counter()
                    broadcast([*students, *hosts],
                              json.dumps({**QUESTION, "index": state["index"]}))
                    _record((time.perf_counter() - started) * 1000)
            elif message["type"] == "answer":
                socket.send  # noqa: B018 - same shape of work as the real ack path
                broadcast([socket], json.dumps({"type": "ack", "question": message["question"],
                                                "accepted": True}))
                count = answered[message["question"]] = answered.get(message["question"], 0) + 1
                if count == len(students):
                    broadcast(students | hosts, json.dumps(
                        {"type": "reveal", "index": message["question"], "answer": "a"}))

    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=65536,
                     process_request=page) as server:
        print(json.dumps({"url": f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}",
                          "code": "BARE00", "host_token": "x" * 24}), flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
