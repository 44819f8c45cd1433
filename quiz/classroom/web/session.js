// The browser's link to a live session: the same protocol as `quiz join`, with the same
// reconnection backoff, a rejoin token kept in the browser's storage, and an answer that
// was never acknowledged sent again after a reconnect. No page code here.
"use strict";

const PROTOCOL_VERSION = 1;
const BACKOFF_MS = [250, 500, 1000, 2000, 4000]; // then every 4 s, each ±25% jitter
const GIVE_UP_MS = 60000; // a server never reached: say so and stop after this long
const FATAL = new Set(["bad_code", "bad_version", "not_host", "kicked", "bad_name",
  "name_taken", "locked"]);

// Names are compared by the server (after NFKC and a look-alike fold); the key here only
// needs to keep one browser's students apart in storage.
function nameKey(name) {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

const tokens = {
  key(code, name) { return `quiz:rejoin:${code}:${nameKey(name)}`; },
  get(code, name) {
    try { return localStorage.getItem(this.key(code, name)); } catch (e) { return null; }
  },
  put(code, name, token) {
    try { localStorage.setItem(this.key(code, name), token); } catch (e) { /* private mode */ }
  },
  forget(code, name) {
    try { localStorage.removeItem(this.key(code, name)); } catch (e) { /* private mode */ }
  },
};

// Which student this tab is, so a refresh comes back as them (per tab: two students
// sharing a Chromebook's browser in two tabs stay two students).
const current = {
  get() {
    try { return JSON.parse(sessionStorage.getItem("quiz:current") || "null"); }
    catch (e) { return null; }
  },
  put(value) {
    try { sessionStorage.setItem("quiz:current", JSON.stringify(value)); } catch (e) { /* */ }
  },
  clear() {
    try { sessionStorage.removeItem("quiz:current"); } catch (e) { /* */ }
  },
};

function socketUrl() {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/`;
}

class Session {
  // hello: the fields of the first message (role, code, and a name or tokens).
  // onMessage(message) gets every server message; onStatus(text) a connection line
  // ("" once connected); onStop(text) once the client has stopped for good.
  constructor({ hello, onMessage, onStatus, onStop }) {
    this.hello = hello;
    this.onMessage = onMessage;
    this.onStatus = onStatus || (() => {});
    this.onStop = onStop || (() => {});
    this.socket = null;
    this.attempt = 0;
    this.connectedOnce = false;
    this.started = Date.now();
    this.stopped = false;
    this.ended = false;
    this.unacked = null;
  }

  start() {
    const socket = new WebSocket(socketUrl());
    this.socket = socket;
    socket.onopen = () => {
      this.connectedOnce = true;
      socket.send(JSON.stringify({ type: "hello", version: PROTOCOL_VERSION, ...this.hello }));
    };
    socket.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      this.attempt = 0;
      this.received(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retry();
    };
  }

  retry() {
    if (this.stopped) return;
    if (this.ended) { this.stop("The session has ended."); return; }
    if (!this.connectedOnce && Date.now() - this.started > GIVE_UP_MS) {
      this.stop(`Could not reach the session server at ${location.host} for a minute. ` +
                "Check the address, and that the session is still running, then reload.");
      return;
    }
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    const delay = base * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    const what = this.connectedOnce ? "Connection lost" : "Cannot reach the server";
    this.onStatus(`${what}; trying again in ${Math.max(1, Math.round(delay / 1000))} s…`);
    this.timer = setTimeout(() => this.start(), delay);
  }

  received(message) {
    if (message.type === "welcome") {
      this.onStatus("");
      if (message.rejoin_token) {
        this.hello = { role: "student", code: this.hello.code,
          rejoin_token: message.rejoin_token };
      }
    } else if (message.type === "question") {
      const pending = this.unacked;
      if (pending && pending.question === message.index && !message.locked_in) {
        this.send(pending); // the server never stored it: say it again
      }
    } else if (message.type === "ack" && this.unacked &&
               message.question === this.unacked.question) {
      this.unacked = null;
    } else if (message.type === "phase" && message.state === "ended") {
      this.ended = true;
    }
    this.onMessage(message);
    if (message.type === "error" && message.fatal && FATAL.has(message.code)) {
      this.stop(message.message);
    }
  }

  send(message) {
    if (message.type === "answer") this.unacked = message;
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  stop(why) {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) { const socket = this.socket; this.socket = null; socket.close(); }
    this.onStatus("");
    this.onStop(why || "");
  }

  // For tests and the benchmark: drop the connection as a lost Wi-Fi would.
  drop() { if (this.socket) this.socket.close(); }
}

// A countdown from the server's remaining time, counted locally.
class Countdown {
  constructor(seconds, limit) {
    this.deadline = performance.now() + seconds * 1000;
    this.limit = limit;
    this.frozen = null;
  }
  left() {
    if (this.frozen !== null) return this.frozen;
    return Math.max(0, (this.deadline - performance.now()) / 1000);
  }
  freeze(left) { this.frozen = left === undefined || left === null ? this.left() : left; }
}

// Small DOM helpers: every piece of outside text goes in through textContent, never as
// HTML, so a name or a bank's `<img onerror=…>` shows as typed.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function show(id, text) {
  const node = document.getElementById(id);
  node.textContent = text;
  return node;
}

function plural(count, noun) { return `${count} ${noun}${count === 1 ? "" : "s"}`; }

// Places by score (ties share one); medals for the first three, never for 0 points.
function podium(top) {
  const medals = ["🥇", "🥈", "🥉"];
  let place = 0;
  return top.map(([name, score], n) => {
    if (n === 0 || score !== top[n - 1][1]) place = n + 1;
    return [place <= 3 && score > 0 ? medals[place - 1] : `${place}.`, name, score];
  });
}
