// The competition page: each answer is saved as it is given, the countdown runs from the seconds the
// server left when the page was made (the phone's own clock plays no part), and the paper is handed
// in when the time is up. A lost connection loses nothing saved; reopening the page resumes.
(function () {
  var paper = document.getElementById('quiz-paper');
  if (!paper) {
    return;
  }
  var csrf = paper.querySelector('input[name="_csrf"]');
  var errorBox = document.getElementById('quiz-save-error');

  function save(card) {
    var data = new URLSearchParams();
    if (csrf) {
      data.append('_csrf', csrf.value);
    }
    card.querySelectorAll('input:checked').forEach(function (input) {
      data.append('choices', input.value);
    });
    var status = card.querySelector('.quiz-saved');
    fetch(paper.getAttribute('data-answer-url') + card.getAttribute('data-question-id'), {
      method: 'POST', body: data, credentials: 'same-origin'
    }).then(function (response) {
      if (response.ok) {
        status.textContent = paper.getAttribute('data-saved');
        errorBox.classList.add('d-none');
        return;
      }
      return response.text().then(function (text) {
        errorBox.textContent = text;
        errorBox.classList.remove('d-none');
      });
    }).catch(function () {
      errorBox.textContent = '\u2026';
      errorBox.classList.remove('d-none');
    });
  }

  paper.querySelectorAll('.quiz-question').forEach(function (card) {
    card.addEventListener('change', function () { save(card); });
  });

  var countdown = document.getElementById('quiz-countdown');
  var left = parseInt(countdown.getAttribute('data-seconds-left'), 10);
  var end = Date.now() + left * 1000;
  var template = countdown.textContent.replace(String(left), '{0}');
  function tick() {
    var seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    var shown = minutes + ':' + String(seconds % 60).padStart(2, '0');
    countdown.textContent = template.replace('{0}', shown);
    if (seconds <= 0) {
      countdown.textContent = countdown.getAttribute('data-expired');
      paper.removeAttribute('data-confirm');
      var button = document.getElementById('quiz-submit');
      button.removeAttribute('data-confirm');
      paper.requestSubmit ? paper.requestSubmit(button) : paper.submit();
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
})();
