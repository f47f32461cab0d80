// Asks for confirmation before a form (or its submit button) marked data-confirm is submitted.
document.addEventListener('submit', function (event) {
  var submitter = event.submitter;
  var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
