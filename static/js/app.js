// Behaviour shared by every page, kept out of the templates so a strict
// Content-Security-Policy (no inline script) holds everywhere.

// <form data-confirm="..."> asks before it is submitted.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// Inside an element with data-swap-errors="409 422", HTMX swaps in those error responses
// (a form shown again with its messages) instead of dropping them.
document.addEventListener("htmx:beforeSwap", (event) => {
  const holder = event.target.closest && event.target.closest("[data-swap-errors]");
  if (!holder) return;
  const statuses = holder.dataset.swapErrors.split(/\s+/).map(Number);
  if (statuses.includes(event.detail.xhr.status)) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
