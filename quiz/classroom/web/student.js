// The student's page: join by code and name, the lobby, the question with the server's
// timer, "locked in", the reveal with points and rank, and the final rank.
"use strict";

const VIEWS = ["join-view", "wait-view", "question-view", "reveal-view", "final-view",
  "stop-view"];
const HINTS = {
  true_false: "Keys: T or 1 for true, F or 2 for false.",
  single_choice: "Keys: press a choice's number.",
  multiple_select: "Keys: a number ticks a choice; Enter sends them all.",
  ordering: "Keys: Shift+↑/↓ or K/J moves the highlighted item; Enter sends.",
  numeric: "Type the number, then Enter.",
  short_answer: "Type your answer, then Enter.",
  matching: "Keys: 1–9 goes to an item, a letter picks its match; Enter sends.",
  decision: "Keys: press an option's number.",
  predict: "Keys: a number picks your forecast, then 1–6 how sure you are; Enter sends; " +
    "Esc changes the forecast.",
};

const page = {
  session: null, code: "", me: "", score: 0, rank: null, question: null, renderer: null,
  sent: false, paused: false, myAnswer: "", countdown: null, finished: false,
};

function view(id) {
  for (const each of VIEWS) document.getElementById(each).hidden = each !== id;
}

function status() {
  const parts = [`Session ${page.code}`, page.me || "joining…", plural(page.score, "point")];
  if (page.rank) parts.push(`rank ${page.rank}`);
  show("status", page.code ? parts.join(" · ") : "");
}

function note(text, kind) {
  const node = show("answer-note", text);
  node.className = kind || "";
}

// ── Joining ──────────────────────────────────────────────────────────────────

function checkName(raw) {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) return [null, "Type your name."];
  if ([...name].length > 40) return [null, `That name is ${[...name].length} characters ` +
    "long; the limit is 40."];
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/.test(name)) {
    return [null, "A name can hold only printable characters."];
  }
  return [name, ""];
}

function checkCode(raw) {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9]{4,8}$/.test(code) ? [code, ""] :
    [null, "The join code is 4 to 8 letters and digits, as on the teacher's screen."];
}

function join(code, name) {
  page.code = code;
  page.me = name;
  current.put({ code, name });
  const token = tokens.get(code, name);
  const hello = token ? { role: "student", code, rejoin_token: token }
    : { role: "student", code, name };
  view("wait-view");
  show("wait-title", `Connecting as ${name}…`);
  show("wait-detail", "");
  status();
  page.session = new Session({
    hello, onMessage: received,
    onStatus: (text) => { const node = show("connection", text); node.hidden = !text; },
    onStop: stopped,
  });
  window.quiz = page; // tests and the benchmark drop the connection through this
  page.session.start();
}

function startFromForm(event) {
  event.preventDefault();
  const [code, codeError] = checkCode(document.getElementById("code").value);
  const [name, nameError] = checkName(document.getElementById("name").value);
  show("join-error", codeError || nameError);
  if (codeError) document.getElementById("code").focus();
  else if (nameError) document.getElementById("name").focus();
  else join(code, name);
}

function boot() {
  document.getElementById("join-form").addEventListener("submit", startFromForm);
  document.addEventListener("keydown", onKey);
  setInterval(tick, 100);
  const params = new URLSearchParams(location.search);
  const [code] = checkCode(params.get("code") || "");
  const given = params.get("name");
  const mine = current.get();
  if (mine && mine.code && (!code || mine.code === code) &&
      (given === null || nameKey(given) === nameKey(mine.name))) {
    join(mine.code, mine.name); // a refresh: the same student, by their saved token
    return;
  }
  if (code) document.getElementById("code").value = code;
  if (code && given !== null) {
    const [name, problem] = checkName(given);
    if (name) { join(code, name); return; }
    document.getElementById("name").value = given;
    show("join-error", problem);
  }
  view("join-view");
  document.getElementById(code ? "name" : "code").focus();
}

// ── From the server ──────────────────────────────────────────────────────────

const HANDLERS = {
  welcome(message) {
    page.me = message.name || page.me;
    page.score = message.score;
    if (message.rejoin_token) tokens.put(page.code, page.me, message.rejoin_token);
    current.put({ code: page.code, name: page.me });
    if (!message.admitted) {
      clearQuestion();
      view("wait-view");
      show("wait-title", `You are in the waiting room, ${page.me}.`);
      show("wait-detail", "The teacher lets each newcomer in; please wait.");
      document.getElementById("lobby-names").replaceChildren();
    }
  },
  lobby(message) {
    clearQuestion();
    view("wait-view");
    show("wait-title", `You are in, ${page.me}. Waiting for the teacher to start…`);
    const more = message.count - message.players.length;
    const parts = [`${plural(message.count, "student")} in the session`];
    if (message.total) parts.push(`${plural(message.total, "question")} to play`);
    if (message.locked) parts.push("the teacher has locked the lobby");
    show("wait-detail", parts.join(" · ") + (more > 0 ? ` (the latest ${message.players.length} shown)` : ""));
    document.getElementById("lobby-names").replaceChildren(
      ...message.players.map((name) => el("li", { text: name })));
  },
  question(message) {
    page.question = message;
    page.paused = false;
    page.sent = message.locked_in;
    page.myAnswer = message.locked_in ? "(given before you reconnected)" : "";
    page.myPicks = null;
    const left = message.time_left ?? message.time_limit;
    page.countdown = new Countdown(left, message.time_limit);
    view("question-view");
    show("progress", `Question ${message.index + 1} of ${message.total}`);
    show("context", message.context || "");
    show("prompt", message.prompt);
    document.getElementById("paused").hidden = true;
    show("keys-hint", HINTS[message.kind] || "");
    note("");
    const area = document.getElementById("answer-area");
    if (message.locked_in) {
      area.replaceChildren();
      page.renderer = null;
      lockedIn();
      return;
    }
    page.renderer = renderAnswer(message, area, submit);
  },
  ack(message) {
    if (!page.question || message.question !== page.question.index) return;
    if (message.accepted || (message.reason || "").includes("already answered")) {
      lockedIn();
      return;
    }
    // Refused (paused, late, malformed): say why and let them answer again while the
    // question is open; a control left disabled would lock them out for good.
    page.sent = false;
    note(`Not counted: ${message.reason || ""}`, "refused");
    if (!page.paused && page.renderer) page.renderer.setEnabled(true);
  },
  reveal(message) {
    page.countdown = null;
    page.score = message.score;
    page.rank = message.rank ?? null;
    view("reveal-view");
    show("consequence", "");
    show("brier-line", "");
    show("answer-label", "Answer:");
    show("typed-note", "");
    document.getElementById("pair-marks").replaceChildren();
    document.getElementById("class-view").hidden = true;
    if (message.kind === "decision" || message.kind === "predict") {
      revealJudged(message);
      return;
    }
    const verdict = show("verdict", message.correct ?
      `✔ Right! +${plural(message.points, "point")}` : message.points ?
        `✘ Not all right. +${plural(message.points, "point")} for the parts you got right.` :
        "✘ Not this time. No points.");
    verdict.className = message.correct ? "right" : "wrong";
    const marked = markPairs(message);
    show("your-answer", marked ? "" : page.myAnswer ?
      (message.correct ? "" : `You said: ${page.myAnswer}`) :
      "No answer from you on this one.");
    show("typed-note", message.note ? `On your answer: ${message.note}` : "");
    show("right-answer", message.answer);
    show("explanation", message.explanation || "");
    show("source", message.sources && message.sources.length ?
      `Source: ${message.sources.join("; ")}` : "");
    show("score-line", `Your score: ${message.score}` +
      (message.rank ? ` · rank ${message.rank}` : ""));
    document.getElementById("verdict").focus();
    page.question = null;
  },
  standings(message) {
    if (!message.final) return;
    clearQuestion();
    page.finished = true;
    if (message.score !== undefined && message.score !== null) page.score = message.score;
    page.rank = message.rank ?? null;
    view("final-view");
    show("final-place", message.rank ?
      `You finished #${message.rank} of ${message.of} with ${plural(message.score, "point")}.` :
      "The session has ended.");
    const list = document.getElementById("final-top");
    list.replaceChildren(...podium(message.top).map(([badge, name, score]) =>
      el("li", {}, el("span", { class: "badge", text: badge }), el("span", { text: name }),
        el("span", { class: "points", text: ` ${score}` }))));
  },
  phase(message) {
    if (message.state === "paused") {
      page.paused = true;
      if (page.countdown) page.countdown.freeze(message.time_left);
      document.getElementById("paused").hidden = false;
      if (page.renderer) page.renderer.setEnabled(false);
    } else if (message.state === "question" && page.question) {
      page.paused = false;
      if (message.time_left !== undefined && message.time_left !== null) {
        page.countdown = new Countdown(message.time_left, page.question.time_limit);
      }
      document.getElementById("paused").hidden = true;
      if (!page.sent && page.renderer) {
        page.renderer.setEnabled(true);
        note("▶ Resumed: answer now.");
      }
    }
  },
  error(message) {
    if (message.code === "bad_token") {
      // A token from another session or an older one: join afresh under the name.
      tokens.forget(page.code, page.me);
      page.session.hello = { role: "student", code: page.code, name: page.me };
      return;
    }
    if (message.fatal) page.refusal = message;
    else note(message.message, "refused");
  },
};

// A decision (never marked: its consequence beside what the real actor did) or a
// forecast (right or not, its confidence and Brier score, and what happened), then what
// the class chose. Every text goes in as text.
function revealJudged(message) {
  const decision = message.kind === "decision";
  const chosen = message.chosen ?? null;
  const label = (n) => (n !== null && n >= 0 && n < message.choices.length ?
    message.choices[n] : "");
  let verdict;
  if (decision) {
    verdict = show("verdict", "◆ Your decision (decisions are not marked)");
    verdict.className = "";
    show("your-answer", chosen === null ? "No decision from you on this one." :
      `You chose: ${label(chosen)}`);
    show("consequence", message.consequence ? `What follows: ${message.consequence}` : "");
  } else if (chosen === null) {
    verdict = show("verdict", "No forecast from you on this one.");
    verdict.className = "";
    show("your-answer", "");
  } else {
    verdict = show("verdict", message.correct ?
      `✔ That is what happened: +${plural(message.points, "point")}` :
      `✘ Not what happened: +${plural(message.points, "point")}`);
    verdict.className = message.correct ? "right" : "wrong";
    show("your-answer", `You forecast: ${label(chosen)} (${message.confidence}% sure)`);
    if (message.brier !== undefined && message.brier !== null) {
      show("brier-line", `Brier score ${brierText(message.brier)} (0 is perfect; always ` +
        "saying 50% scores 0.25)");
    }
  }
  const known = message.happened !== undefined && message.happened !== null;
  show("answer-label", decision ? (known ? "What the real actor did:" : "") : "What happened:");
  show("right-answer", message.answer);
  show("explanation", message.explanation || "");
  show("source", message.sources && message.sources.length ?
    `Source: ${message.sources.join("; ")}` : "");
  show("score-line", `Your score: ${message.score}` +
    (message.rank ? ` · rank ${message.rank}` : ""));
  const mark = decision ? "◆ what the real actor did" : "✔ what happened";
  const counts = message.distribution || [];
  document.getElementById("class-chart").replaceChildren(...message.choices.map(
    (choice, n) => el("li", { class: n === message.happened ? "happened" : "" },
      el("span", { class: "n", text: `${counts[n] || 0} ×` }),
      el("span", { class: "label" }, choice, n === message.happened ?
        el("strong", { class: "mark", text: ` ${mark}` }) : null))));
  document.getElementById("class-view").hidden = !message.choices.length;
  verdict.focus();
  page.question = null;
}

function brierText(value) {
  const text = value.toFixed(3);
  return text.endsWith("0") ? text.slice(0, -1) : text;
}

function received(message) {
  const handler = HANDLERS[message.type];
  if (handler) handler(message);
  status();
}

function stopped(why) {
  if (page.finished) {
    show("connection", "The session has ended.").hidden = false;
    return;
  }
  current.clear();
  const refusal = page.refusal;
  if (refusal && ["name_taken", "bad_name", "bad_code"].includes(refusal.code)) {
    // Something the student can put right: back to the form, saying what to change.
    view("join-view");
    document.getElementById("code").value = page.code;
    show("join-error", refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1) +
      (refusal.code === "bad_code" ? "." : ". Choose another name."));
    document.getElementById(refusal.code === "bad_code" ? "code" : "name").focus();
    page.code = "";
    page.me = "";
    status();
    return;
  }
  view("stop-view");
  show("stop-reason", why);
  const again = document.getElementById("start-again");
  again.href = `/?code=${encodeURIComponent(page.code)}`;
}

// ── Answering ────────────────────────────────────────────────────────────────

function submit(value, inWords) {
  if (!page.question || page.paused || page.sent) return;
  page.sent = true;
  page.myAnswer = inWords;
  page.myPicks = page.question.kind === "matching" ? value : null;
  page.renderer.setEnabled(false);
  note("Sending…");
  const answer = { type: "answer", question: page.question.index, value };
  if (!page.session.send(answer)) {
    note("Not connected; your answer will be sent when the connection is back.");
  }
}

function lockedIn() {
  page.sent = true;
  if (page.renderer) page.renderer.setEnabled(false);
  note("🔒 Answer locked in. Waiting for the others…", "locked");
  show("keys-hint", "");
}

function onKey(event) {
  if (document.getElementById("question-view").hidden || !page.renderer) return;
  if (page.paused || page.sent) return;
  if (event.target.tagName === "INPUT") return; // typing a number or an answer
  if (page.renderer.key(event)) event.preventDefault();
}

function clearQuestion() {
  page.question = null;
  page.renderer = null;
  page.countdown = null;
  document.getElementById("answer-area").replaceChildren();
}

function tick() {
  const countdown = page.countdown;
  if (!countdown) return;
  const left = countdown.left();
  const fill = document.getElementById("timer-fill");
  fill.style.width = `${Math.min(100, (100 * left) / countdown.limit)}%`;
  fill.className = left < 5 ? "low" : "";
  const text = `${Math.ceil(left)} s left` + (countdown.frozen !== null ? " (paused)" : "");
  const node = document.getElementById("timer-text");
  if (node.textContent !== text) node.textContent = text;
}

document.addEventListener("DOMContentLoaded", boot);
