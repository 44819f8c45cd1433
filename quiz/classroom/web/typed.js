// Short answers and matchings on the student page: their renderers (listed in
// renderers.js's RENDERERS, so this file loads before it) and the marks a matching's
// reveal puts on each pair. Helpers (el, show, numberKey, disableAll) come from
// session.js and renderers.js, and are only called once the page runs.
"use strict";

function renderShortAnswer(question, area, submit) {
  const error = el("p", { class: "field-error", id: "typed-error", role: "alert" });
  const input = el("input", { id: "typed-answer", type: "text", maxlength: "1000",
    autocomplete: "off", autocapitalize: "off", spellcheck: "false",
    "aria-describedby": "typed-error" });
  const send = () => {
    // Pasted tabs or other control characters become spaces: the server refuses them.
    const typed = input.value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ");
    if (!typed.trim()) {
      error.textContent = "Type your answer first.";
      input.focus();
      return;
    }
    error.textContent = "";
    submit(typed, typed.trim());
  };
  area.append(el("label", { for: "typed-answer", text: "Your answer" }),
    el("div", { class: "numeric" }, input,
      el("button", { type: "button", class: "send", onclick: send, text: "Send" })), error);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); send(); }
  });
  input.focus();
  return { key() { return false; }, setEnabled(enabled) { disableAll(area, enabled); } };
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// A matching: the lettered matches, then one list box per item (keyboard, screen reader
// and phone alike know how to use one). Enter sends; with an item still unmatched, the
// first Enter says so and the second sends as it is.
function renderMatching(question, area, submit) {
  const items = question.items, matches = question.choices;
  area.append(el("p", { class: "hint", id: "matching-help",
    text: "Pick the match for each item: a letter or the arrows in its list (1–9 jumps " +
          "to an item). Then send." }));
  area.append(el("ol", { class: "matches", type: "A", "aria-label": "Matches" },
    ...matches.map((match) => el("li", { text: match }))));
  const warn = el("p", { class: "field-error", id: "matching-error", role: "alert" });
  const selects = items.map((item, index) => el("select", {
    id: `match-${index}`, "aria-describedby": "matching-help matching-error",
    onchange: () => { warn.textContent = ""; warned = false; },
  }, el("option", { value: "", text: "— pick a match —" }),
  ...matches.map((match, position) => el("option", { value: String(position),
    text: `${LETTERS[position]}. ${match}` }))));
  area.append(el("ol", { class: "pairs" }, ...items.map((item, index) =>
    el("li", {}, el("label", { for: `match-${index}`, text: item }), selects[index]))));
  let warned = false;
  const send = () => {
    const picks = selects.map((select) => select.value === "" ? null : Number(select.value));
    const open = picks.filter((pick) => pick === null).length;
    if (open && !warned) {
      warned = true;
      warn.textContent = `${open === 1 ? "1 item has" : `${open} items have`} no match ` +
        "yet. Pick one for each, or send again to send as it is.";
      selects[picks.indexOf(null)].focus();
      return;
    }
    submit(picks, items.map((item, index) => `${item} → ` +
      (picks[index] === null ? "(none)" : matches[picks[index]])).join("; "));
  };
  area.append(warn, el("button", { type: "button", class: "send", onclick: send,
    "aria-keyshortcuts": "Enter", text: "Send my matches" }));
  if (selects[0]) selects[0].focus();
  return {
    key(event) {
      const index = numberKey(event, items.length);
      if (index >= 0) { selects[index].focus(); return true; }
      if (event.key === "Enter" && !event.target.classList?.contains("send")) {
        send(); return true;
      }
      return false; // letters and arrows: the focused list box picks
    },
    setEnabled(enabled) {
      disableAll(area, enabled);
      for (const select of selects) select.disabled = !enabled;
    },
  };
}

// A matching's reveal: each item with the match given, ✔ or ✘, and the right one beside
// a wrong one. Returns false (and shows nothing) for other kinds.
function markPairs(message) {
  const list = document.getElementById("pair-marks");
  const question = page.question;
  if (!question || question.kind !== "matching" || !(message.matches || []).length ||
      !page.myPicks) {
    list.replaceChildren();
    return false;
  }
  list.replaceChildren(...question.items.map((item, index) => {
    const pick = page.myPicks[index];
    const given = pick === null || pick === undefined ? "(none)" : question.choices[pick];
    const right = given === message.matches[index];
    return el("li", { class: right ? "right" : "wrong" },
      el("span", { "aria-hidden": "true", text: right ? "✔ " : "✘ " }),
      el("span", { class: "visually-hidden", text: right ? "Right: " : "Wrong: " }),
      `${item} → ${given}`,
      right ? null : el("span", { class: "muted", text: ` (right: ${message.matches[index]})` }));
  }));
  return true;
}
