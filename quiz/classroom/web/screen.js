// The class screen (projector): the join code, link and QR code; the question, the timer
// and the count of answers in; at the reveal, the answer, the chart and the source; the
// top five between questions; the podium at the end. It never shows scores while a
// question is open: the server sends it no scores then.
"use strict";

const SCREEN_VIEWS = ["open-view", "lobby-view", "question-view", "reveal-view",
  "final-view", "stop-view"];
const screen = { code: "", question: null, countdown: null, session: null, present: 0 };

function screenView(id) {
  for (const each of SCREEN_VIEWS) document.getElementById(each).hidden = each !== id;
}

function labelsOf(question) {
  if (!question) return [];
  return question.kind === "true_false" ? ["True", "False"] : question.choices;
}

// A matching's reveal: how many students matched each item rightly.
function chartMatched(chart, items, matched) {
  chart.setAttribute("aria-label", "How many matched each item rightly");
  const most = Math.max(1, ...matched);
  chart.replaceChildren(...items.map((item, index) => {
    const bar = el("span", { class: "bar", "aria-hidden": "true" });
    bar.style.width = `${(100 * (matched[index] || 0)) / most}%`;
    return el("li", { class: "is-matched" }, el("span", { class: "choice-label", text: item }),
      el("span", { class: "track" }, bar),
      el("span", { class: "n", text: String(matched[index] || 0) }));
  }));
}

const SCREEN_HANDLERS = {
  welcome(message) {
    if (message.join_url) show("join-link", message.join_url);
  },
  lobby(message) {
    screenView("lobby-view");
    show("join-code", screen.code);
    screen.present = message.count;
    show("lobby-count", `${plural(message.count, "student")} in` +
      (message.total ? ` · ${plural(message.total, "question")} to play` : "") +
      (message.locked ? " · the lobby is locked" : ""));
    document.getElementById("lobby-names").replaceChildren(
      ...message.players.map((name) => el("li", { text: name })));
  },
  question(message) {
    screen.question = message;
    screen.countdown = new Countdown(message.time_left ?? message.time_limit,
      message.time_limit);
    screenView("question-view");
    document.getElementById("top-five").hidden = true;
    document.getElementById("paused").hidden = true;
    show("progress", `Question ${message.index + 1} of ${message.total}` +
      (message.context ? ` · ${message.context}` : ""));
    show("prompt", message.prompt);
    const hint = { numeric: "Type a number" + (message.unit ? ` (${message.unit})` : ""),
      ordering: "Put these in order", short_answer: "Type the answer",
      matching: "Pick the match for each",
      decision: "A decision: not marked. What would you do?",
      predict: "A forecast: choose, and say how sure you are" }[message.kind];
    const matching = message.kind === "matching";
    const items = (matching ? message.items : labelsOf(message))
      .map((label) => el("li", { text: label }));
    document.getElementById("choices").replaceChildren(...items);
    document.getElementById("matches").replaceChildren(...(matching ? message.choices : [])
      .map((match) => el("li", { text: match })));
    show("kind-note", hint || ""); // stays while the count of answers below changes
    show("answered", "");
  },
  count(message) {
    screen.present = message.present;
    if (message.state === "question" || message.state === "paused") {
      show("answered", `${message.answered} of ${plural(message.present, "student")} answered`);
    }
  },
  reveal(message) {
    screen.countdown = null;
    screenView("reveal-view");
    const question = screen.question;
    show("reveal-progress", question ? `Question ${question.index + 1} of ${question.total}` : "");
    const judged = message.kind === "decision" || message.kind === "predict";
    const known = message.happened !== undefined && message.happened !== null;
    show("reveal-heading", message.kind === "decision" ?
      "A decision, not marked: what the class chose beside what the real actor did" :
      message.kind === "predict" ? "A forecast: what the class predicted beside what happened" : "");
    show("reveal-label", message.kind === "decision" ? (known ? "What the real actor did:" : "") :
      message.kind === "predict" ? "What happened:" : "Answer:");
    show("reveal-answer", message.answer);
    show("reveal-brier", message.class_brier !== undefined && message.class_brier !== null ?
      `Class Brier score ${message.class_brier.toFixed(3)} (0 is perfect; always saying ` +
      "50% scores 0.250)" : "");
    show("reveal-explanation", message.explanation || "");
    show("reveal-source", message.sources && message.sources.length ?
      `Source: ${message.sources.join("; ")}` : "");
    const labels = judged ? message.choices : labelsOf(question);
    const chart = document.getElementById("chart");
    const counts = message.distribution || [];
    chart.setAttribute("aria-label", "What the class chose");
    if (question && question.kind === "matching" && (message.matched || []).length) {
      chartMatched(chart, question.items, message.matched);
    } else if (!labels.length || !counts.length || !(judged || (question &&
        ["single_choice", "true_false"].includes(question.kind)))) {
      chart.replaceChildren();
    } else {
      const right = judged ? new Set(known ? [message.happened] : []) :
        rightPositions(labels, message.answer);
      const sign = message.kind === "decision" ? "◆ " : "✔ ";
      const word = message.kind === "decision" ? " (what the real actor did)" :
        message.kind === "predict" ? " (what happened)" : " (right)";
      const most = Math.max(1, ...counts);
      chart.replaceChildren(...labels.map((label, index) => {
        const n = counts[index] || 0;
        const bar = el("span", { class: "bar", "aria-hidden": "true" });
        bar.style.width = `${(100 * n) / most}%`;
        return el("li", { class: right.has(index) ? "is-right" : "" },
          el("span", { class: "choice-label" }, right.has(index) ? sign : "", label,
            right.has(index) ? el("span", { class: "visually-hidden", text: word }) : null),
          el("span", { class: "track" }, bar),
          el("span", { class: "n", text: String(n) }));
      }));
    }
  },
  standings(message) {
    if (message.final) {
      screenView("final-view");
      document.getElementById("podium").replaceChildren(
        ...podium(message.top.slice(0, 5)).map(([badge, name, score]) => el("li", {},
          el("span", { text: badge }), el("span", { text: name }),
          el("span", { class: "points", text: String(score) }))));
      return;
    }
    const top = document.getElementById("top-five");
    top.hidden = false;
    document.getElementById("top-list").replaceChildren(
      ...podium(message.top.slice(0, 5)).map(([badge, name, score]) => el("li", {},
        el("span", { text: badge }), el("span", { text: name }),
        el("span", { class: "points", text: String(score) }))));
  },
  phase(message) {
    if (message.state === "paused") {
      if (screen.countdown) screen.countdown.freeze(message.time_left);
      document.getElementById("paused").hidden = false;
    } else if (message.state === "question" && screen.question) {
      if (message.time_left !== undefined && message.time_left !== null) {
        screen.countdown = new Countdown(message.time_left, screen.question.time_limit);
      }
      document.getElementById("paused").hidden = true;
    }
  },
};

function screenTick() {
  const countdown = screen.countdown;
  if (!countdown) return;
  const left = countdown.left();
  const fill = document.getElementById("timer-fill");
  fill.style.width = `${Math.min(100, (100 * left) / countdown.limit)}%`;
  fill.className = left < 5 ? "low" : "";
  const text = `${Math.ceil(left)} s`;
  const node = document.getElementById("timer-text");
  if (node.textContent !== text) node.textContent = text;
}

function openScreen(code, token) {
  screen.code = code;
  screen.session = new Session({
    hello: { role: "screen", code, screen_token: token },
    onMessage: (message) => {
      const handler = SCREEN_HANDLERS[message.type];
      if (handler) handler(message);
    },
    onStatus: (text) => { const node = show("connection", text); node.hidden = !text; },
    onStop: (why) => {
      if (!document.getElementById("final-view").hidden) return;
      screenView("stop-view");
      show("stop-reason", why);
    },
  });
  window.quiz = screen;
  screen.session.start();
}

function screenBoot() {
  setInterval(screenTick, 100);
  const params = new URLSearchParams(location.hash.slice(1));
  const code = (params.get("code") || "").trim().toUpperCase();
  const token = params.get("token") || "";
  if (/^[A-Z0-9]{4,8}$/.test(code) && token) {
    openScreen(code, token);
    return;
  }
  screenView("open-view");
  document.getElementById("code").value = code;
  document.getElementById("open-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = document.getElementById("code").value.trim().toUpperCase();
    const secret = document.getElementById("token").value.trim();
    if (!/^[A-Z0-9]{4,8}$/.test(typed) || !secret) {
      show("open-error", "Type the join code and the screen token the dashboard shows.");
      return;
    }
    // Kept in the address's fragment, which is never sent to any server.
    history.replaceState(null, "", `#code=${typed}&token=${encodeURIComponent(secret)}`);
    openScreen(typed, secret);
  });
}

document.addEventListener("DOMContentLoaded", screenBoot);
