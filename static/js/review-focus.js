// The review page opened from a search result (?quote=<id>): select that attribution and
// scroll the article to its words, once review.js has set the page up.
(function () {
  "use strict";
  const id = new URLSearchParams(window.location.search).get("quote");
  if (!id || !/^\d+$/.test(id)) return;
  function focusQuote() {
    const card = document.getElementById("quote-" + id);
    if (!card) return;
    card.click(); // review.js selects a card on click
    const words = document.querySelector(`#article-text [data-quotes~="${id}"]`);
    (words || card).scrollIntoView({ block: "center" });
    card.scrollIntoView({ block: "nearest" });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusQuote);
  else focusQuote();
})();
