// One renderer per question kind: it fills the answer area and calls
// submit(value, inWords) once the student has answered. A new kind is one more function
// in RENDERERS.
//
// A renderer returns { key(event) → bool, setEnabled(bool) }: key() gets the page's
// keystrokes (number keys as in the terminal) and says whether it used them.
"use strict";

function choiceButtons(area, labels, onPick, { multi = false } = {}) {
  const list = el("div", { class: "choices", role: multi ? "group" : "list" });
  const buttons = labels.map((label, index) => {
    const button = el("button", {
      type: "button", class: "choice", "data-index": String(index),
      "aria-pressed": multi ? "false" : null,
      "aria-keyshortcuts": index < 9 ? String(index + 1) : null,
      onclick: () => onPick(index),
    }, el("span", { class: "key", "aria-hidden": "true", text: String(index + 1) }),
    el("span", { class: "mark", "aria-hidden": "true", text: multi ? "☐" : "" }),
    el("span", { class: "label", text: label }));
    list.append(multi ? button : el("div", { role: "listitem" }, button));
    return button;
  });
  area.append(list);
  return buttons;
}

function numberKey(event, count) {
  if (event.ctrlKey || event.altKey || event.metaKey) return -1;
  const index = "123456789".indexOf(event.key);
  return index >= 0 && index < count ? index : -1;
}

function disableAll(area, enabled) {
  for (const control of area.querySelectorAll("button, input")) control.disabled = !enabled;
}

function renderSingleChoice(question, area, submit) {
  const labels = question.choices;
  const buttons = choiceButtons(area, labels, (index) => submit(index, labels[index]));
  buttons[0] && buttons[0].focus();
  return {
    key(event) {
      const index = numberKey(event, labels.length);
      if (index < 0) return false;
      buttons[index].click();
      return true;
    },
    setEnabled(enabled) { disableAll(area, enabled); },
  };
}

function renderTrueFalse(question, area, submit) {
  const labels = ["True", "False"];
  const buttons = choiceButtons(area, labels, (index) => submit(index === 0, labels[index]));
  buttons[0].focus();
  return {
    key(event) {
      const key = event.key.toLowerCase();
      const index = key === "t" ? 0 : key === "f" ? 1 : numberKey(event, 2);
      if (index < 0 || event.ctrlKey || event.metaKey || event.altKey) return false;
      buttons[index].click();
      return true;
    },
    setEnabled(enabled) { disableAll(area, enabled); },
  };
}

function renderMultipleSelect(question, area, submit) {
  const labels = question.choices;
  const chosen = new Set();
  const toggle = (index) => {
    if (chosen.has(index)) chosen.delete(index); else chosen.add(index);
    const button = buttons[index];
    button.setAttribute("aria-pressed", String(chosen.has(index)));
    button.querySelector(".mark").textContent = chosen.has(index) ? "☑" : "☐";
  };
  area.append(el("p", { class: "hint",
    text: "Tick every right choice (a number or Space), then send (Enter)." }));
  const buttons = choiceButtons(area, labels, toggle, { multi: true });
  const send = () => {
    const picked = [...chosen].sort((a, b) => a - b);
    submit(picked, picked.map((i) => labels[i]).join("; ") || "(none)");
  };
  area.append(el("button", { type: "button", class: "send", onclick: send,
    "aria-keyshortcuts": "Enter", text: "Send my choices" }));
  buttons[0].focus();
  return {
    key(event) {
      const index = numberKey(event, labels.length);
      if (index >= 0) { toggle(index); buttons[index].focus(); return true; }
      // Space ticks the focused choice (the button's own click); Enter sends, as in
      // the terminal, wherever the focus is.
      if (event.key === "Enter" && !event.target.classList?.contains("send")) {
        send(); return true;
      }
      return false;
    },
    setEnabled(enabled) { disableAll(area, enabled); },
  };
}

function renderOrdering(question, area, submit) {
  const labels = question.choices;
  const order = labels.map((_, index) => index); // display positions, top first
  let focused = 0;
  area.append(el("p", { class: "hint", id: "ordering-help",
    text: "Put the items in order, first at the top: ↑/↓ buttons, or Shift+↑/↓ (or K/J) " +
          "on the highlighted item. Then send." }));
  const list = el("ol", { class: "ordering", "aria-describedby": "ordering-help" });
  area.append(list);
  const live = el("p", { class: "visually-hidden", "aria-live": "polite" });
  area.append(live);
  const draw = () => {
    list.replaceChildren(...order.map((item, position) => el("li", {},
      el("span", { class: "label", tabindex: "0", id: `order-item-${position}`,
        "aria-label": `${position + 1}. ${labels[item]}`,
        onfocus: () => { focused = position; } }, labels[item]),
      el("button", { type: "button", class: "move", text: "↑",
        "aria-label": `Move ${labels[item]} up`, disabled: position === 0,
        onclick: () => move(position, -1) }),
      el("button", { type: "button", class: "move", text: "↓",
        "aria-label": `Move ${labels[item]} down`, disabled: position === order.length - 1,
        onclick: () => move(position, 1) }))));
  };
  const move = (position, step) => {
    const target = position + step;
    if (target < 0 || target >= order.length) return;
    [order[position], order[target]] = [order[target], order[position]];
    draw();
    focused = target;
    document.getElementById(`order-item-${target}`).focus();
    live.textContent = `${labels[order[target]]} is now number ${target + 1}`;
  };
  const send = () => submit([...order], order.map((i) => labels[i]).join(" → "));
  area.append(el("button", { type: "button", class: "send", onclick: send,
    "aria-keyshortcuts": "Enter", text: "Send this order" }));
  draw();
  document.getElementById("order-item-0").focus();
  return {
    key(event) {
      const key = event.key;
      if ((event.shiftKey && key === "ArrowUp") || key === "k" || key === "K") {
        move(focused, -1); return true;
      }
      if ((event.shiftKey && key === "ArrowDown") || key === "j" || key === "J") {
        move(focused, 1); return true;
      }
      if (key === "Enter" && !event.target.classList?.contains("send") &&
          !event.target.classList?.contains("move")) { send(); return true; }
      return false;
    },
    setEnabled(enabled) { disableAll(area, enabled); },
  };
}

function renderNumeric(question, area, submit) {
  const error = el("p", { class: "field-error", id: "numeric-error", role: "alert" });
  const input = el("input", { id: "numeric-answer", type: "text", inputmode: "decimal",
    autocomplete: "off", "aria-describedby": "numeric-error" });
  const send = () => {
    const text = input.value.trim().replace(",", ".");
    const value = Number(text);
    if (text === "" || !Number.isFinite(value) || Math.abs(value) > 1e15) {
      error.textContent = "Type a number, such as 42 or 3.5.";
      input.focus();
      return;
    }
    error.textContent = "";
    submit(value, question.unit ? `${text} ${question.unit}` : text);
  };
  area.append(el("label", { for: "numeric-answer",
    text: question.unit ? `Your answer (in ${question.unit})` : "Your answer" }),
  el("div", { class: "numeric" }, input,
    question.unit ? el("span", { class: "unit", text: question.unit }) : null,
    el("button", { type: "button", class: "send", onclick: send, text: "Send" })), error);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); send(); }
  });
  input.focus();
  return { key() { return false; }, setEnabled(enabled) { disableAll(area, enabled); } };
}

// A decision: one option, never marked right or wrong.
function renderDecision(question, area, submit) {
  area.append(el("p", { class: "hint", text: "Not marked: choose what you would do. " +
    "After the reveal you see what follows from it, and what the real actor did." }));
  return renderSingleChoice(question, area, submit);
}

const CONFIDENCE_NOTES = { 50: " — a coin toss", 100: " — certain" };

// A prediction: a choice, then how sure (the solo game's levels, 50–100%). Nothing is
// sent without both; "Send" says which is missing. Keys: a number picks the forecast,
// then a number picks the confidence; Esc goes back to the forecast; Enter sends.
function renderPredict(question, area, submit) {
  const labels = question.choices;
  const levels = question.confidences && question.confidences.length ?
    question.confidences : [50, 60, 70, 80, 90, 100];
  let choice = null;
  let confidence = null;
  let step = "choice";
  area.append(el("p", { class: "hint", id: "forecast-help", text: "Choose what you " +
    "forecast, then how sure you are. Scored on how well your confidence matches what " +
    "happened (the Brier score), not on speed." }));
  const buttons = choiceButtons(area, labels, (index) => pickChoice(index));
  for (const button of buttons) button.setAttribute("aria-pressed", "false");
  const levelButtons = levels.map((level, n) => el("button", {
    type: "button", class: "level", "aria-pressed": "false",
    "data-confidence": String(level), "aria-keyshortcuts": String(n + 1),
    onclick: () => pickLevel(n),
  }, el("span", { class: "key", "aria-hidden": "true", text: String(n + 1) }),
  el("span", { text: `${level}%${CONFIDENCE_NOTES[level] || ""}` })));
  const group = el("fieldset", { class: "confidence", id: "confidence" },
    el("legend", { id: "confidence-legend", text: "How sure are you?" }),
    el("div", { class: "levels", role: "group", "aria-labelledby": "confidence-legend" },
      ...levelButtons));
  const error = el("p", { class: "field-error", id: "forecast-error", role: "alert" });
  const send = el("button", { type: "button", class: "send", id: "send-forecast",
    "aria-keyshortcuts": "Enter", "aria-describedby": "forecast-error",
    text: "Send my forecast", onclick: () => trySend() });
  area.append(group, error, send);

  function pickChoice(index) {
    choice = index;
    buttons.forEach((button, n) => button.setAttribute("aria-pressed", String(n === index)));
    document.getElementById("confidence-legend").textContent =
      `How sure are you of “${labels[index]}”?`;
    error.textContent = "";
    step = "confidence";
    (levelButtons[levels.indexOf(confidence)] || levelButtons[0]).focus();
  }
  function pickLevel(n) {
    confidence = levels[n];
    levelButtons.forEach((button, m) => button.setAttribute("aria-pressed", String(m === n)));
    error.textContent = "";
    send.focus();
  }
  function trySend() {
    if (choice === null) {
      error.textContent = "Choose what you forecast first, then how sure you are.";
      buttons[0].focus();
      return;
    }
    if (confidence === null) {
      error.textContent = "Choose how sure you are (50% to 100%) before sending.";
      levelButtons[0].focus();
      return;
    }
    submit({ choice, confidence }, `${labels[choice]} (${confidence}% sure)`);
  }
  buttons[0] && buttons[0].focus();
  return {
    key(event) {
      if (event.key === "Escape") {
        step = "choice";
        buttons[choice === null ? 0 : choice].focus();
        return true;
      }
      // Enter or Space on a focused button is that button's own click.
      if (event.key === "Enter" && event.target.tagName !== "BUTTON") {
        trySend(); return true;
      }
      const index = numberKey(event, step === "choice" ? labels.length : levels.length);
      if (index < 0) return false;
      if (step === "choice") pickChoice(index); else pickLevel(index);
      return true;
    },
    setEnabled(enabled) { disableAll(area, enabled); },
  };
}

const RENDERERS = {
  single_choice: renderSingleChoice,
  true_false: renderTrueFalse,
  multiple_select: renderMultipleSelect,
  ordering: renderOrdering,
  numeric: renderNumeric,
  short_answer: renderShortAnswer,
  matching: renderMatching,
  decision: renderDecision,
  predict: renderPredict,
};

function renderAnswer(question, area, submit) {
  area.replaceChildren();
  const render = RENDERERS[question.kind];
  if (!render) {
    area.append(el("p", { role: "alert",
      text: "This page cannot show this kind of question yet; please use `quiz join`." }));
    return { key() { return false; }, setEnabled() {} };
  }
  return render(question, area, submit);
}

// Which displayed labels the revealed answer names (for marking them on the chart).
function rightPositions(labels, answer) {
  const parts = new Set(answer.split("; "));
  return new Set(labels.flatMap((label, index) =>
    label === answer || parts.has(label) ? [index] : []));
}
