// Word snapping, the same rule as the server's annotations.spans.snap_to_words, so the
// selection bar shows the words that will be saved before anything is sent.
//
// Offsets are Python str indices (code points); the article text is rebuilt from the
// segments' data-start, one code point per offset (paragraph breaks, which have no
// segment, count as whitespace).
(function () {
  "use strict";

  // Python's str.isalnum() is true for letters and numbers (Unicode categories L*, N*).
  const WORD = /^[\p{L}\p{N}]$/u;
  const SPACE = /^\s$/u;

  function articleChars() {
    const chars = [];
    document.querySelectorAll("#article-text span[data-start]").forEach((seg) => {
      let at = Number(seg.dataset.start);
      for (const ch of seg.textContent) chars[at++] = ch;
    });
    // Trailing line breaks belong to no segment: the text's length comes from the server.
    const length = Number(document.getElementById("article-text").dataset.length);
    if (length > chars.length) chars.length = length;
    return chars;
  }

  function snap(chars, start, end) {
    const length = chars.length;
    const at = (i) => (chars[i] === undefined ? "\n" : chars[i]);
    const isWord = (i) => WORD.test(at(i));
    start = Math.max(0, Math.min(start, length));
    end = Math.max(0, Math.min(end, length));
    if (start > end) [start, end] = [end, start];
    while (start < end && SPACE.test(at(start))) start++;
    while (end > start && SPACE.test(at(end - 1))) end--;
    while (start > 0 && isWord(start - 1) && isWord(start)) start--;
    while (end < length && end > 0 && isWord(end - 1) && isWord(end)) end++;
    return [start, end];
  }

  function words(chars, start, end) {
    let text = "";
    for (let i = start; i < end; i++) text += chars[i] === undefined ? "\n" : chars[i];
    return text;
  }

  window.NewsdeskSnap = {
    articleChars,
    snap,
    words,
    // Snap [start, end) of the article on the page: {start, end, text}.
    selection(start, end) {
      const chars = articleChars();
      const [s, e] = snap(chars, start, end);
      return { start: s, end: e, text: words(chars, s, e) };
    },
  };
})();
