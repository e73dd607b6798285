/* Character counts under long text boxes (textarea[data-maxlength]).
 *
 * The boxes carry no maxlength attribute on purpose: a browser silently cuts pasted text at
 * that length. Without this script the help text states the limit and the server answers
 * an over-long text with a clear message, keeping every word. With it, the member sees how
 * close she is while she writes; a screen reader hears only when she crosses the limit.
 */
(function () {
  "use strict";
  var format = new Intl.NumberFormat("en");

  function attach(box) {
    if (box.dataset.charCountReady) return;
    box.dataset.charCountReady = "1";
    var limit = parseInt(box.dataset.maxlength, 10);
    if (!(limit > 0)) return;
    var count = document.createElement("p");
    count.className = "char-count";
    count.id = (box.id || "box-" + Math.random().toString(36).slice(2)) + "-count";
    var alert = document.createElement("span");
    alert.className = "visually-hidden";
    alert.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", count);
    count.insertAdjacentElement("afterend", alert);
    var described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
    var wasOver = false;

    function update() {
      var length = box.value.length;
      var over = length > limit;
      count.textContent = over
        ? format.format(length) + " of " + format.format(limit) + " characters: please shorten it by " + format.format(length - limit) + "."
        : format.format(length) + " of " + format.format(limit) + " characters";
      count.classList.toggle("char-count-over", over);
      if (over !== wasOver) {
        alert.textContent = over
          ? "Over the limit of " + format.format(limit) + " characters. Nothing is cut; please shorten it before posting."
          : "Back within the limit.";
        wasOver = over;
      }
    }
    box.addEventListener("input", update);
    update();
  }

  function scan(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("textarea[data-maxlength]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  // htmx swaps in new forms (a reply box, a form shown again with its message).
  document.addEventListener("htmx:load", function (event) { scan(event.target); });
})();
