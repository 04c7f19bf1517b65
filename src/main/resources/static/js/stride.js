// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Print buttons (the certificate): <button data-print>
  document.querySelectorAll('[data-print]').forEach((button) => {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  });
  // Buttons that ask before a destructive action: <button data-confirm="Remove this lesson?">
  document.querySelectorAll('[data-confirm]').forEach((button) => {
    button.addEventListener('click', (event) => {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});

// Autosave for the course builder: saves a moment after typing stops; the server keeps the revision honest.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-autosave-url]');
  if (!form) {
    return;
  }
  const status = document.getElementById('autosave-status');
  const revision = form.querySelector('input[name="revision"]');
  let timer = null;
  let stopped = false;
  let saving = false;
  let again = false;
  const save = async () => {
    if (saving) {
      // one save at a time: the next one must carry the revision this one returns
      again = true;
      return;
    }
    saving = true;
    const data = new URLSearchParams(new FormData(form));
    data.set('action', 'autosave');
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin'
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        revision.value = body.revision;
        status.textContent = 'Saved automatically at ' + body.savedAt + '.';
      } else if (response.status === 409) {
        stopped = true;
        status.textContent = body.detail || 'This course was changed elsewhere; reload before going on.';
      } else {
        status.textContent = 'Not saved yet: ' + (body.detail || 'check the fields, then press Save.');
      }
    } catch (error) {
      status.textContent = 'Not saved: the connection failed. Your text is still here; press Save when you are back online.';
    } finally {
      saving = false;
      if (again && !stopped) {
        again = false;
        save();
      }
    }
  };
  form.addEventListener('input', () => {
    if (stopped) {
      return;
    }
    status.textContent = 'Unsaved changes…';
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  });
});

// Drafting progress: polls the job and opens the draft when it is ready.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('drafting');
  if (!box) {
    return;
  }
  const bar = document.getElementById('drafting-bar');
  const stage = document.getElementById('drafting-stage');
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.progressUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const progress = await response.json();
      if (progress.done) {
        window.location.assign(box.dataset.draftUrl + progress.draftId);
        return;
      }
      bar.value = progress.step;
      stage.textContent = progress.failed ? progress.error : progress.stage + '…';
      if (!progress.failed) {
        setTimeout(poll, 400);
      }
    } catch (error) {
      setTimeout(poll, 2000);
    }
  };
  poll();
});
