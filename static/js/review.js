// The review page: select attributions, turn a text selection into offsets, keyboard keys.
//
// Offsets are Python str indices (code points). JavaScript strings count UTF-16 units, so
// an offset is never taken from a JS string length over the whole text: every text segment
// carries its own code-point data-start, and only the part of one segment before the
// selection point is counted, by code points ([...s].length).
(function () {
  "use strict";

  const root = document.querySelector(".review");
  if (!root) return;
  // The bar is swapped (out of band) when the article is marked reviewed or reopened.
  const bar = () => document.getElementById("selection-bar");
  const help = document.getElementById("help");
  let selectedId = null;
  let selection = null; // {start, end, text}

  const cards = () => Array.from(document.querySelectorAll("#quote-list .quote-card"));
  const card = (id) => document.getElementById("quote-" + id);

  // --- selecting an attribution, in the list and in the text at once ---------------------
  function select(id, { scroll = true, focus = true } = {}) {
    selectedId = id && card(id) ? String(id) : null;
    document.querySelectorAll(".quote-card.selected").forEach((el) => {
      el.classList.remove("selected");
      el.removeAttribute("aria-current");
    });
    document.querySelectorAll("#article-text .is-selected").forEach((el) => el.classList.remove("is-selected"));
    if (!selectedId) return;
    const el = card(selectedId);
    el.classList.add("selected");
    el.setAttribute("aria-current", "true");
    const segments = document.querySelectorAll(`#article-text [data-quotes~="${selectedId}"]`);
    segments.forEach((seg) => seg.classList.add("is-selected"));
    if (focus && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    if (scroll) {
      scrollWithin(el.closest(".quotes-pane"), el);
      if (segments.length) segments[0].scrollIntoView({ block: "nearest" });
    }
    updateSelectionBar();
  }

  // Scroll the attributions pane only, never the whole window, to show a card.
  function scrollWithin(pane, el) {
    if (!pane) return;
    const box = pane.getBoundingClientRect();
    const card = el.getBoundingClientRect();
    if (card.top < box.top) pane.scrollTop -= box.top - card.top + 8;
    else if (card.bottom > box.bottom) pane.scrollTop += Math.min(card.bottom - box.bottom + 8, card.top - box.top - 8);
  }

  function move(step) {
    const list = cards();
    if (!list.length) return;
    const index = list.findIndex((el) => el.dataset.quote === selectedId);
    const next = index === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
    select(list[next].dataset.quote);
  }

  root.addEventListener("click", (event) => {
    const inCard = event.target.closest(".quote-card");
    if (inCard && !event.target.closest("button, input, select, textarea, a, label")) {
      select(inCard.dataset.quote, { focus: true, scroll: false });
      return;
    }
    const segment = event.target.closest("#article-text [data-quotes]");
    if (segment && window.getSelection().isCollapsed) {
      // Overlapping spans: clicking again cycles through the attributions covering the words.
      const ids = segment.dataset.quotes.split(" ");
      const at = ids.indexOf(selectedId);
      select(ids[(at + 1) % ids.length], { focus: false });
    }
  });

  // --- a text selection becomes [start, end) --------------------------------------------
  function codePoints(text) {
    return [...text].length;
  }

  function pointOffset(node, offset) {
    const body = document.getElementById("article-text");
    if (!body.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const segment = node.parentElement.closest("[data-start]");
      if (!segment) return null;
      return Number(segment.dataset.start) + codePoints(node.data.slice(0, offset));
    }
    // An element boundary: "offset" counts child nodes.
    const children = Array.from(node.childNodes);
    for (let i = offset; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const first = child.matches("[data-start]") ? child : child.querySelector("[data-start]");
      if (first) return Number(first.dataset.start);
    }
    for (let i = Math.min(offset, children.length) - 1; i >= 0; i--) {
      const child = children[i];
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const ends = child.matches("[data-end]") ? [child] : Array.from(child.querySelectorAll("[data-end]"));
      if (ends.length) return Number(ends[ends.length - 1].dataset.end);
    }
    const own = node.closest ? node.closest("[data-end]") : null;
    return own ? Number(own.dataset.end) : null;
  }

  function readSelection() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const start = pointOffset(range.startContainer, range.startOffset);
    const end = pointOffset(range.endContainer, range.endOffset);
    if (start === null || end === null || start >= end) return null;
    // What the server will save: the selection snapped to whole words.
    const snapped = window.NewsdeskSnap.selection(start, end);
    if (snapped.start >= snapped.end) return null;
    return { start: snapped.start, end: snapped.end, text: snapped.text.replace(/\s+/g, " ") };
  }

  function updateSelectionBar() {
    const el = bar();
    if (!el) return;
    if (!selection || "readOnly" in el.dataset) {
      el.hidden = true;
      return;
    }
    el.hidden = false;
    const text = selection.text.length > 120 ? selection.text.slice(0, 117) + "…" : selection.text;
    document.getElementById("selection-text").textContent = text;
    document.getElementById("selection-offsets").textContent = `[${selection.start}, ${selection.end})`;
    el.querySelectorAll("[data-span-action]:not([data-span-action=add_quote])").forEach((button) => {
      button.disabled = !selectedId;
    });
  }

  document.addEventListener("mouseup", (event) => {
    if (bar() && bar().contains(event.target)) return;
    // Let the browser settle the selection first.
    setTimeout(() => {
      const found = readSelection();
      if (found) {
        selection = found;
        updateSelectionBar();
      } else if (!(bar() && bar().contains(document.activeElement))) {
        selection = null;
        updateSelectionBar();
      }
    }, 0);
  });

  function cancelSelection() {
    selection = null;
    window.getSelection().removeAllRanges();
    updateSelectionBar();
  }

  document.addEventListener("click", (event) => {
    if (!event.target.closest("#selection-bar")) return;
    if (event.target.closest("[data-selection-cancel]")) {
      cancelSelection();
      return;
    }
    const button = event.target.closest("[data-span-action]");
    if (!button || button.disabled || !selection) return;
    const action = button.dataset.spanAction;
    const values = { start: selection.start, end: selection.end };
    let url = button.dataset.url;
    if (action === "add_quote") {
      values.kind = document.getElementById("new-quote-kind").value;
    } else {
      if (!selectedId) return;
      url = url.replace("/0/", `/${selectedId}/`);
      values.version = card(selectedId).dataset.version;
      if (button.dataset.field) values.field = button.dataset.field;
    }
    // The CSRF header comes from hx-headers on <body>, inherited through "source".
    htmx.ajax("POST", url, { source: button, values, swap: "none" }).then(cancelSelection);
  });

  // --- htmx: show refusals (4xx) too, and keep the selection across swaps ----------------
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A decision re-renders only its card: recolour the words it covers from the cards'
  // statuses, the most settled one first (as annotations/highlight.py does).
  const STATUSES = ["accepted", "proposed", "rejected"];
  function recolourText() {
    document.querySelectorAll("#article-text [data-quotes]").forEach((seg) => {
      const held = seg.dataset.quotes.split(" ").map((id) => {
        const el = card(id);
        return el && STATUSES.find((status) => el.classList.contains("is-" + status));
      });
      const status = STATUSES.find((s) => held.includes(s));
      if (!status || seg.classList.contains("is-" + status)) return;
      STATUSES.forEach((s) => seg.classList.remove("is-" + s));
      seg.classList.add("is-" + status);
    });
  }

  document.body.addEventListener("htmx:afterSettle", () => {
    recolourText();
    const message = document.getElementById("review-message");
    const wanted = message && message.dataset.select;
    if (wanted && card(wanted)) {
      message.removeAttribute("data-select");
      select(wanted, { focus: true });
    } else if (selectedId && card(selectedId)) {
      select(selectedId, { scroll: false, focus: !document.activeElement || document.activeElement === document.body });
    } else {
      select(null);
    }
  });

  // --- keys ------------------------------------------------------------------------------
  // Focus back on the selected card (or the one holding ``from``), where the keys work.
  function backToCard(from) {
    const holder = from && from.closest ? from.closest(".quote-card") : null;
    const el = holder || (selectedId && card(selectedId));
    if (el) el.focus({ preventScroll: true });
    else if (from && from.blur) from.blur();
  }

  // Picking or creating a speaker, by key or click: the keys go back to the card.
  document.body.addEventListener("htmx:beforeRequest", (event) => {
    const elt = event.detail.elt;
    if (elt && elt.closest && elt.closest(".speaker-options")) backToCard(elt);
  });

  function press(selector) {
    const el = selectedId && card(selectedId) && card(selectedId).querySelector(selector);
    if (!el) return;
    el.click();
  }

  // A button of the status bar or selection bar with this data-key, if it can be used now.
  function keyButton(key, scope) {
    const el = scope && scope.querySelector(`[data-key="${key}"]`);
    return el && !el.disabled ? el : null;
  }

  // A submit button submits its own form (with its name and value), like a click.
  function clickNow(el) {
    if (el.type === "submit" && el.form) el.form.requestSubmit(el);
    else el.click();
  }

  const KINDS = { 1: "direct", 2: "indirect", 3: "mixed" };

  function setKind(kind) {
    const select = selectedId && card(selectedId) && card(selectedId).querySelector("[data-kind-select]");
    if (!select || select.value === kind) return;
    htmx.process(select.form);
    select.value = kind;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") {
        event.preventDefault();
        backToCard(target);
      }
      return;
    }
    if (help.open && event.key !== "?") return;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": press("[data-action=accept]"); break;
      case "r": press("[data-action=reject]"); break;
      case "e": {
        if (!selectedId) move(1);
        const input = selectedId && card(selectedId).querySelector(".speaker-input");
        if (input) input.focus();
        break;
      }
      case "1": case "2": case "3": setKind(KINDS[event.key]); break;
      case "c": case "v": case "m": case "f": case "x": case "q": {
        // With words selected: set a span of the selected attribution, or add a quote.
        const button = selection && keyButton(event.key, bar());
        if (!button) return;
        button.click();
        break;
      }
      case "A": case "C": case "R": {
        const button = keyButton(event.key, document.getElementById("status-bar"));
        if (!button) return;
        clickNow(button);
        break;
      }
      case "u": {
        const button = document.getElementById("undo-button");
        if (!button) return;
        clickNow(button);
        break;
      }
      case "n": document.getElementById("next-article")?.requestSubmit(); break;
      case "?": help.open ? help.close() : help.showModal(); break;
      case "Escape":
        if (selection) cancelSelection();
        backToCard();
        return;
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-help]")) help.showModal();
  });

  // The speaker box: Enter picks the first match (or creates), arrows walk the options.
  root.addEventListener("keydown", (event) => {
    const picker = event.target.closest(".speaker-picker");
    if (!picker) return;
    const options = Array.from(picker.querySelectorAll(".option"));
    const at = options.indexOf(event.target);
    if (event.key === "Enter" && event.target.matches(".speaker-input") && options.length) {
      event.preventDefault();
      // Focus leaves the box first: htmx gives focus back to the element of the same id
      // after the swap, and keys typed next must go to the card, not into a new box.
      backToCard(event.target);
      options[0].click();
    } else if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      options[Math.min(at + 1, options.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? picker.querySelector(".speaker-input") : options[at - 1]).focus();
    }
  });

  const first = cards().find((el) => el.classList.contains("is-proposed")) || cards()[0];
  if (first) select(first.dataset.quote, { focus: false, scroll: false });
})();
