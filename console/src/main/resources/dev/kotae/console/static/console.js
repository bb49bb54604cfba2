// Kotae console: the only script, served from the jar. Pages work without it; it adds copy buttons
// and a confirmation before a reindex or rollback.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy]');
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    var text = source.value !== undefined ? source.value : source.textContent;
    var done = function () { button.textContent = 'コピーしました'; button.setAttribute('data-copied', '1'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { source.select(); document.execCommand('copy'); done(); });
    } else {
      source.select();
      document.execCommand('copy');
      done();
    }
  });
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
}());
