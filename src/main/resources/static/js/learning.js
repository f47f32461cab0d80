// The material page: the 学完 countdown (the server decides; this only shows the seconds it gave running
// down), and a PDF drawn page by page with pdf.js into canvases that fit the phone's width.
document.addEventListener('DOMContentLoaded', function () {
  var countdown = document.getElementById('learning-countdown');
  var seconds = document.getElementById('learning-seconds');
  if (countdown && seconds) {
    var left = parseInt(countdown.getAttribute('data-seconds'), 10) || 0;
    var timer = window.setInterval(function () {
      left = Math.max(0, left - 1);
      seconds.textContent = String(left);
      if (left === 0) {
        window.clearInterval(timer);
        countdown.hidden = true;
      }
    }, 1000);
  }

  var viewer = document.getElementById('pdf-viewer');
  if (!viewer || !window.pdfjsLib) {
    return;
  }
  var pdfjs = window.pdfjsLib;
  pdfjs.GlobalWorkerOptions.workerSrc = viewer.getAttribute('data-worker');
  var failed = function () {
    viewer.textContent = viewer.getAttribute('data-error');
    viewer.classList.add('p-2', 'text-muted', 'small');
  };
  pdfjs.getDocument({ url: viewer.getAttribute('data-src'), isEvalSupported: false, disableFontFace: true })
    .promise.then(function (pdf) {
      viewer.textContent = '';
      var width = viewer.clientWidth || 360;
      var ratio = window.devicePixelRatio || 1;
      var chain = Promise.resolve();
      for (var n = 1; n <= pdf.numPages; n++) {
        chain = chain.then(function (number) {
          return pdf.getPage(number).then(function (page) {
            var base = page.getViewport({ scale: 1 });
            var viewport = page.getViewport({ scale: (width / base.width) * ratio });
            var canvas = document.createElement('canvas');
            canvas.width = Math.floor(viewport.width);
            canvas.height = Math.floor(viewport.height);
            canvas.className = 'learning-pdf-page';
            viewer.appendChild(canvas);
            return page.render({ canvasContext: canvas.getContext('2d'), viewport: viewport }).promise;
          });
        }.bind(null, n));
      }
      return chain;
    })
    .catch(failed);
});
