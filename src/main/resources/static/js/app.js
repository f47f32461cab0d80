// Asks for confirmation before a form marked data-confirm is submitted (deactivate, delete…).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
