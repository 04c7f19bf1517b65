// The media dialog (fragments/media-dialog.html): a button with data-insert-media="TEXTAREA-ID" opens it; the Markdown
// for the uploaded image or video, or for a video link, goes in at that text area's cursor. A button with
// data-insert-callout="TEXTAREA-ID" puts a callout there. Independent of the page around it: it needs only the
// dialog, the buttons and their text areas. Without this file the buttons stay hidden and the text area works as ever.
document.addEventListener('DOMContentLoaded', () => {
  const dialog = document.getElementById('media-dialog');
  const form = dialog && dialog.querySelector('#media-form');
  if (!form) {
    return;
  }
  const status = form.querySelector('#media-status');
  const progress = form.querySelector('#media-progress');
  const submit = form.querySelector('#media-insert');
  let target = null;
  let opener = null;
  let selection = { start: 0, end: 0 };

  const kind = () => form.querySelector('input[name="media-kind"]:checked').value;

  // only the fields of the chosen kind are shown and sent
  const showKind = () => {
    form.querySelectorAll('[data-media-for]').forEach((part) => {
      const shown = part.dataset.mediaFor.split(' ').includes(kind());
      part.hidden = !shown;
      part.querySelectorAll('input, textarea').forEach((field) => { field.disabled = !shown; });
    });
    submit.textContent = kind() === 'link' ? 'Insert the link' : 'Upload and insert';
  };
  form.querySelectorAll('input[name="media-kind"]').forEach((radio) => radio.addEventListener('change', showKind));
  const decorative = form.querySelector('#media-decorative');
  const alt = form.querySelector('#media-alt');
  decorative.addEventListener('change', () => {
    alt.disabled = decorative.checked;
  });

  const clearErrors = () => {
    form.querySelectorAll('[data-media-error]').forEach((error) => {
      error.hidden = true;
      error.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    status.textContent = '';
  };

  const showErrors = (errors, detail) => {
    let first = null;
    Object.entries(errors || {}).forEach(([field, message]) => {
      const error = form.querySelector('[data-media-error="' + field + '"]');
      if (!error) {
        return;
      }
      error.textContent = message;
      error.hidden = false;
      const input = document.getElementById(error.id.replace(/-error$/, ''));
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    });
    status.textContent = first ? 'Nothing was inserted: see the fields marked.' : (detail || 'Nothing was inserted: try again.');
    if (first) {
      first.focus();
    }
  };

  const insert = (markdown) => {
    const text = target.value;
    const before = text.slice(0, selection.start);
    const after = text.slice(selection.end);
    // media and callouts stand as blocks of their own
    const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const tail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    target.value = before + lead + markdown + tail + after;
    const caret = (before + lead + markdown).length;
    target.focus();
    target.setSelectionRange(caret, caret);
    // autosave and previews listen for typing
    target.dispatchEvent(new Event('input', { bubbles: true }));
  };

  // how the file was kept otherwise than sent (an animated GIF too large to keep moving): said beside the tools
  const tell = (note) => {
    let notice = document.getElementById('media-notice');
    if (!note) {
      if (notice) {
        notice.textContent = '';
      }
      return;
    }
    if (!notice && opener) {
      notice = document.createElement('p');
      notice.id = 'media-notice';
      notice.className = 'notice';
      notice.setAttribute('role', 'status');
      (opener.parentElement || opener).insertAdjacentElement('afterend', notice);
    }
    if (notice) {
      notice.textContent = note;
    }
  };

  const open = (button) => {
    target = document.getElementById(button.dataset.insertMedia);
    if (!target) {
      return;
    }
    opener = button;
    selection = { start: target.selectionStart ?? target.value.length, end: target.selectionEnd ?? target.value.length };
    form.reset();
    clearErrors();
    progress.hidden = true;
    alt.disabled = false;
    showKind();
    dialog.showModal();
    form.querySelector('input[name="media-kind"]:checked').focus();
  };

  const close = () => {
    dialog.close();
  };
  dialog.addEventListener('close', () => {
    if (opener && document.activeElement === document.body) {
      opener.focus();
    }
  });
  form.querySelector('#media-cancel').addEventListener('click', close);

  const answer = (status, text) => {
    let body = {};
    try {
      body = JSON.parse(text);
    } catch (notJson) {
      body = {};
    }
    return { status, body };
  };

  const upload = () => new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        progress.hidden = false;
        progress.value = Math.round((event.loaded / event.total) * 100);
        progress.textContent = progress.value + '%';
      }
    });
    request.addEventListener('load', () => resolve(answer(request.status, request.responseText)));
    request.addEventListener('error', () => resolve({ status: 0, body: {} }));
    request.send(new FormData(form));
  });

  const link = async () => {
    const data = new URLSearchParams();
    data.set(form.querySelector('input[type="hidden"]').name, form.querySelector('input[type="hidden"]').value);
    data.set('url', form.querySelector('#media-url').value);
    data.set('title', form.querySelector('#media-title').value);
    try {
      const response = await fetch(form.dataset.linkUrl, {
        method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin'
      });
      return answer(response.status, await response.text());
    } catch (offline) {
      return { status: 0, body: {} };
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const chosen = kind();
    // the same checks the server makes, said before a large file is sent
    const errors = {};
    if (chosen !== 'link' && !form.querySelector('#media-file').files.length) {
      errors.file = chosen === 'image' ? 'Choose an image to upload.' : 'Choose a video to upload.';
    }
    if (chosen === 'image' && !decorative.checked && !alt.value.trim()) {
      errors.alt = 'Describe the image for people who cannot see it (alt text), or mark it as decoration.';
    }
    if (chosen === 'video' && !form.querySelector('#media-captions').files.length) {
      errors.captions = 'A video needs a captions file (WebVTT, .vtt).';
    }
    if (chosen === 'link' && !/^https:\/\//i.test(form.querySelector('#media-url').value.trim())) {
      errors.url = "Give the video's https:// address.";
    }
    if (Object.keys(errors).length) {
      showErrors(errors);
      return;
    }
    submit.disabled = true;
    status.textContent = chosen === 'link' ? 'Adding the link…' : 'Uploading…';
    const { status: code, body } = chosen === 'link' ? await link() : await upload();
    submit.disabled = false;
    progress.hidden = true;
    if (code === 201 && body.markdown) {
      close();
      insert(body.markdown);
      tell(body.note);
      return;
    }
    if (code === 0) {
      showErrors({}, 'The upload did not reach Stride: check your connection and try again.');
    } else {
      showErrors(body.errors, body.detail);
    }
  });

  document.querySelectorAll('[data-insert-media]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => open(button));
  });
  document.querySelectorAll('[data-insert-callout]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => {
      target = document.getElementById(button.dataset.insertCallout);
      if (target) {
        selection = { start: target.selectionStart, end: target.selectionEnd };
        insert('> [!NOTE]\n> ');
      }
    });
  });
});
