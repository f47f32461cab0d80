// Asks for confirmation before a form (or its submit button) marked data-confirm is submitted.
document.addEventListener('submit', function (event) {
  var submitter = event.submitter;
  var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
    return;
  }
  // a form apart from the one holding a field (a POST beside a GET search) sends that field's current value
  event.target.querySelectorAll('input[data-copy-from]').forEach(function (input) {
    var source = document.getElementById(input.getAttribute('data-copy-from'));
    if (source) {
      input.value = source.value;
    }
  });
  // one submission per click: a double click must not record an income or an expense twice. The
  // button is disabled after the browser has taken the form's values (its own name=value included).
  if (submitter && !event.target.hasAttribute('data-repeatable')) {
    window.setTimeout(function () { submitter.disabled = true; }, 0);
    window.setTimeout(function () { submitter.disabled = false; }, 5000);
  }
});
