// The editor of fragments/richtext.html: a toolbar and an editing area in place of the text area. The
// area's content is cleaned to what the server's sanitizer keeps (paragraphs, line breaks, bold, italic,
// underline, small headings, lists, links) and written into the text area, which the form posts as before.
(function () {
  var KEEP = { P: 'p', DIV: 'p', BR: 'br', B: 'strong', STRONG: 'strong', I: 'em', EM: 'em', U: 'u',
    H2: 'h3', H3: 'h3', H4: 'h4', UL: 'ul', OL: 'ol', LI: 'li', A: 'a' };
  var DROP = { SCRIPT: 1, STYLE: 1, IFRAME: 1, OBJECT: 1, EMBED: 1, TEMPLATE: 1, NOSCRIPT: 1, SVG: 1, MATH: 1 };
  var SAFE_URL = /^(https?:\/\/|mailto:|\/(?![\/\\]))[^\s"'<>`\\]*$/i;

  // copies the allowed part of a (possibly foreign) node tree into target, in the given document
  function copyClean(from, target, doc) {
    Array.prototype.forEach.call(from.childNodes, function (node) {
      if (node.nodeType === 3) {
        target.appendChild(doc.createTextNode(node.nodeValue));
        return;
      }
      if (node.nodeType !== 1 || DROP[node.nodeName.toUpperCase()]) {
        return;
      }
      var name = KEEP[node.nodeName.toUpperCase()];
      if (!name) {
        copyClean(node, target, doc);
        return;
      }
      var copy = doc.createElement(name);
      if (name === 'a') {
        var href = (node.getAttribute('href') || '').trim();
        if (SAFE_URL.test(href)) {
          copy.setAttribute('href', href);
        }
      }
      copyClean(node, copy, doc);
      target.appendChild(copy);
    });
  }

  // the text area's value as editor content: markup is parsed inertly and cleaned, plain text becomes paragraphs
  function load(editor, value) {
    editor.textContent = '';
    if (/<[a-zA-Z]/.test(value)) {
      copyClean(new DOMParser().parseFromString(value, 'text/html').body, editor, document);
      return;
    }
    value.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/).forEach(function (paragraph) {
      if (!paragraph.trim()) {
        return;
      }
      var p = document.createElement('p');
      paragraph.trim().split('\n').forEach(function (line, i) {
        if (i > 0) {
          p.appendChild(document.createElement('br'));
        }
        p.appendChild(document.createTextNode(line));
      });
      editor.appendChild(p);
    });
  }

  function save(editor, textarea) {
    if (!editor.textContent.trim()) {
      textarea.value = '';
      return;
    }
    var holder = document.createElement('div');
    copyClean(editor, holder, document);
    textarea.value = holder.innerHTML;
  }

  function blockOf(editor) {
    var selection = window.getSelection();
    var node = selection && selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
    while (node && node !== editor) {
      if (node.nodeType === 1 && /^H[1-6]$/.test(node.nodeName)) {
        return node.nodeName;
      }
      node = node.parentNode;
    }
    return null;
  }

  function init(root) {
    var textarea = root.querySelector('textarea');
    var editor = root.querySelector('.richtext-area');
    var toolbar = root.querySelector('.richtext-toolbar');
    if (!textarea || !editor || !toolbar || typeof document.execCommand !== 'function' || !window.DOMParser) {
      return;
    }
    load(editor, textarea.value);
    if (!editor.firstChild) {
      editor.innerHTML = '<p><br></p>'; // typing starts inside a paragraph
    }
    document.execCommand('defaultParagraphSeparator', false, 'p');
    textarea.required = false; // a hidden field cannot take focus; the server refuses an empty body
    textarea.hidden = true;
    editor.hidden = false;
    toolbar.hidden = false;

    function refresh() {
      toolbar.querySelectorAll('[aria-pressed]').forEach(function (button) {
        var command = button.getAttribute('data-command');
        var on = command === 'heading' ? blockOf(editor) !== null : document.queryCommandState(command);
        button.setAttribute('aria-pressed', on ? 'true' : 'false');
        button.classList.toggle('active', on);
      });
    }

    toolbar.addEventListener('mousedown', function (event) {
      if (event.target.closest('button')) {
        event.preventDefault(); // keep the selection in the editing area
      }
    });
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-command]');
      if (!button) {
        return;
      }
      editor.focus();
      document.execCommand('styleWithCSS', false, false);
      document.execCommand('defaultParagraphSeparator', false, 'p');
      var command = button.getAttribute('data-command');
      if (command === 'heading') {
        document.execCommand('formatBlock', false, blockOf(editor) ? 'p' : 'h3');
      }
      else if (command === 'link') {
        var href = window.prompt(root.getAttribute('data-link-prompt') || 'URL', 'https://');
        if (href && SAFE_URL.test(href.trim())) {
          document.execCommand('createLink', false, href.trim());
        }
      }
      else if (command === 'clear') {
        document.execCommand('removeFormat', false, null);
        document.execCommand('unlink', false, null);
        document.execCommand('formatBlock', false, 'p');
      }
      else {
        document.execCommand(command, false, null);
      }
      save(editor, textarea);
      refresh();
    });
    // pasted text arrives as plain text: formatting from elsewhere is not carried in
    editor.addEventListener('paste', function (event) {
      var text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (text !== undefined && text !== null) {
        event.preventDefault();
        document.execCommand('insertText', false, text);
      }
    });
    editor.addEventListener('input', function () { save(editor, textarea); });
    editor.addEventListener('keyup', refresh);
    editor.addEventListener('mouseup', refresh);
    if (textarea.form) {
      textarea.form.addEventListener('submit', function () { save(editor, textarea); });
    }
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.addEventListener('click', function () { editor.focus(); });
    }
  }

  function start() {
    document.querySelectorAll('[data-richtext]').forEach(init);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
