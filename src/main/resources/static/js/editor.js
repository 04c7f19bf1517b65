// The outline editor: autosave of the element being edited (one save at a time, under its revision), the conflict
// view, the live preview, arrow keys and drag and drop in the outline, and the library dialog. Every structural
// change is a plain form, so the page works without this file except for saving typed text.
document.addEventListener('DOMContentLoaded', () => {
  const main = document.querySelector('main.editor');
  if (!main) {
    return;
  }
  const csrfInput = document.querySelector('input[name="_csrf"]');
  const csrf = csrfInput ? csrfInput.value : '';
  const state = document.getElementById('save-state');
  const form = document.querySelector('form[data-element-form]');
  const conflict = document.getElementById('conflict');
  const setState = (text, kind) => {
    state.textContent = text;
    state.dataset.state = kind || '';
  };
  const time = () => new Date().toTimeString().slice(0, 5);

  // ---- autosave ----
  let dirty = false;
  let saving = null;
  let timer = null;
  let stopped = false;
  const revision = form ? form.querySelector('input[name="revision"]') : null;
  const showErrors = (errors) => {
    form.querySelectorAll('[data-error-for]').forEach((slot) => {
      slot.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    Object.entries(errors || {}).forEach(([field, message]) => {
      const base = field.replace(/\[.*$/, '');
      const slot = form.querySelector(`[data-error-for="${base}"]`) || form.querySelector('[data-error-for]');
      if (slot) {
        slot.textContent = message;
      }
      const input = form.querySelector(`[name="${base}"]`);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
      }
    });
  };
  const render = (value) => {
    if (value == null) {
      return '';
    }
    if (typeof value === 'string') {
      return value;
    }
    if (value.markdown !== undefined || value.title !== undefined) {
      return `${value.title || ''}\n\n${value.markdown || ''}`;
    }
    const lines = [value.prompt || ''];
    (value.options || []).forEach((option, i) => lines.push(`${(value.correct || []).includes(i) ? '✓' : '·'} ${option}`));
    (value.accepted || []).forEach((a) => lines.push(`= ${a}`));
    if (value.explanation) {
      lines.push('', value.explanation);
    }
    return lines.join('\n');
  };
  const showConflict = (body) => {
    stopped = true;
    setState('Conflict: not saved', 'conflict');
    document.getElementById('conflict-theirs').textContent = render(body.theirs);
    document.getElementById('conflict-yours').textContent = render(body.yours);
    document.getElementById('conflict-who').textContent = `${body.savedBy || 'Someone'} saved it${body.savedAt
      ? ' at ' + new Date(body.savedAt).toTimeString().slice(0, 5) : ''}. Nothing of yours was written over theirs.`;
    conflict.dataset.theirRevision = body.theirRevision;
    conflict.hidden = false;
    conflict.focus();
  };
  const save = async (keepalive) => {
    if (!form || stopped) {
      return;
    }
    if (saving) {
      await saving;
      if (!dirty) {
        return;
      }
    }
    dirty = false;
    clearTimeout(timer);
    setState('Saving…', 'saving');
    const data = new URLSearchParams(new FormData(form));
    saving = (async () => {
      try {
        const response = await fetch(form.action, {
          method: 'POST', body: data, keepalive: !!keepalive, credentials: 'same-origin',
          headers: { Accept: 'application/json', 'X-CSRF-TOKEN': csrf }
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          revision.value = body.revision;
          showErrors({});
          setState(`Saved ${body.savedAt ? body.savedAt.slice(0, 5) : time()}`, 'saved');
          const undo = document.querySelector('#undo');
          if (undo) {
            undo.disabled = false;
            document.querySelector('[data-undo-form] input[name="revision"]').value = body.revision;
          }
        } else if (response.status === 409) {
          showConflict(body);
        } else if (response.status === 422) {
          dirty = true;
          showErrors(body.errors);
          setState(`Not saved: ${body.detail || 'check the fields marked'}`, 'invalid');
        } else {
          dirty = true;
          setState('Not saved — retry', 'failed');
        }
      } catch (error) {
        dirty = true;
        setState('Not saved — retry', 'failed');
      }
    })();
    await saving;
    saving = null;
  };
  if (form) {
    setState('All changes saved', 'saved');
    form.addEventListener('input', () => {
      dirty = true;
      if (!stopped) {
        setState('Not saved yet…', 'pending');
      }
      clearTimeout(timer);
      timer = setTimeout(() => save(), 800);
    });
    form.addEventListener('change', () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => save(), 300);
    });
    form.addEventListener('focusout', () => {
      if (dirty) {
        save();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      dirty = true;
      save();
    });
    state.addEventListener('click', () => {
      if (state.dataset.state === 'failed') {
        save();
      }
    });
    // leaving the element (another element, a structural form, another page) saves first
    document.addEventListener('click', async (event) => {
      const link = event.target.closest('a[href]');
      if (!link || !dirty || stopped || link.target) {
        return;
      }
      event.preventDefault();
      await save();
      if (!dirty) {
        window.location.href = link.href;
      }
    });
    document.querySelectorAll('form:not([data-element-form]):not([role="search"])').forEach((other) => {
      other.addEventListener('submit', async (event) => {
        if (!dirty || stopped || other.dataset.saved) {
          return;
        }
        event.preventDefault();
        await save();
        if (!dirty) {
          other.dataset.saved = 'true';
          other.requestSubmit(event.submitter);
        }
      });
    });
    window.addEventListener('pagehide', () => {
      if (dirty && !stopped) {
        save(true);
      }
    });
    window.addEventListener('beforeunload', (event) => {
      if (dirty && !stopped) {
        save(true);
        event.preventDefault();
      }
    });
  }

  // ---- the conflict view ----
  if (conflict) {
    document.getElementById('keep-mine').addEventListener('click', () => {
      revision.value = conflict.dataset.theirRevision;
      conflict.hidden = true;
      stopped = false;
      dirty = true;
      save();
    });
    document.getElementById('take-theirs').addEventListener('click', () => {
      dirty = false;
      stopped = true;
      window.location.reload();
    });
    document.getElementById('merge').addEventListener('click', () => {
      // their text stays in view; yours stays in the fields: edit them into one, which then saves over theirs
      revision.value = conflict.dataset.theirRevision;
      stopped = false;
      setState('Merging: edit your text, it saves over theirs', 'pending');
      const field = form.querySelector('textarea, input[type="text"], input:not([type="hidden"])');
      if (field) {
        field.focus();
      }
    });
  }

  // ---- preview ----
  const previewButton = document.querySelector('[data-preview]');
  if (previewButton) {
    const preview = document.getElementById('lesson-preview');
    const textarea = document.getElementById('lesson-markdown');
    previewButton.addEventListener('click', async () => {
      const open = preview.hidden;
      previewButton.setAttribute('aria-expanded', String(open));
      previewButton.textContent = open ? 'Hide preview' : 'Preview';
      if (!open) {
        preview.hidden = true;
        return;
      }
      const response = await fetch(main.dataset.previewUrl, {
        method: 'POST', credentials: 'same-origin', body: new URLSearchParams({ markdown: textarea.value }),
        headers: { Accept: 'application/json', 'X-CSRF-TOKEN': csrf }
      });
      if (response.ok) {
        // sanitized by the server (the same Markdown rendering learners get)
        preview.innerHTML = (await response.json()).html;
      }
      preview.hidden = false;
    });
  }

  // ---- more option rows ----
  const more = document.querySelector('[data-more-options]');
  if (more) {
    more.addEventListener('click', () => {
      const rows = more.parentElement.querySelectorAll('.builder-row');
      const last = rows[rows.length - 1];
      if (!last || rows.length >= 10) {
        return;
      }
      const index = rows.length;
      const copy = last.cloneNode(true);
      copy.querySelectorAll('input, label').forEach((el) => {
        ['name', 'id', 'for'].forEach((attribute) => {
          const value = el.getAttribute(attribute);
          if (value) {
            el.setAttribute(attribute, value.replace(/\d+/, String(index)));
          }
        });
        const label = el.getAttribute('aria-label');
        if (label) {
          el.setAttribute('aria-label', label.replace(/\d+$/, String(index + 1)));
        }
        if (el.type === 'checkbox') {
          el.checked = false;
        } else if (el.tagName === 'INPUT' && el.type !== 'hidden') {
          el.value = '';
        }
      });
      last.after(copy);
      copy.querySelector('input').focus();
    });
  }

  // ---- the outline: arrow keys, drawer, drag and drop ----
  const links = [...document.querySelectorAll('.outline-link')];
  links.forEach((link, i) => {
    link.addEventListener('keydown', (event) => {
      const go = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: links.length - 1 }[event.key];
      if (go === undefined) {
        return;
      }
      event.preventDefault();
      links[Math.max(0, Math.min(links.length - 1, go))].focus();
    });
  });
  const drawer = document.getElementById('outline-drawer');
  const narrow = window.matchMedia('(max-width: 899px)');
  if (drawer && narrow.matches) {
    drawer.open = false;
  }
  const toggle = document.getElementById('outline-toggle');
  if (toggle && drawer) {
    toggle.addEventListener('click', (event) => {
      event.preventDefault();
      drawer.open = !drawer.open;
      if (drawer.open) {
        const current = drawer.querySelector('.outline-link[aria-current]') || drawer.querySelector('.outline-link, button');
        if (current) {
          current.focus();
        }
      }
    });
  }
  const settingsOpen = document.getElementById('settings-open');
  const settings = document.getElementById('settings-panel');
  if (settingsOpen && settings) {
    settingsOpen.addEventListener('click', (event) => {
      event.preventDefault();
      settings.open = true;
      settings.querySelector('summary').focus();
    });
  }
  const post = (url, fields) => {
    const f = document.createElement('form');
    f.method = 'post';
    f.action = url;
    Object.entries({ ...fields, _csrf: csrf }).forEach(([name, value]) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      f.appendChild(input);
    });
    document.body.appendChild(f);
    f.submit();
  };
  let dragged = null;
  const family = (item) => (item.dataset.kind === 'LESSON' ? 'LESSON' : 'QUESTION');
  document.querySelectorAll('.outline-item[draggable]').forEach((item) => {
    item.addEventListener('dragstart', (event) => {
      event.stopPropagation();
      dragged = item;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.id);
    });
    item.addEventListener('dragover', (event) => {
      if (dragged && dragged !== item && family(dragged) === family(item)) {
        event.preventDefault();
        event.stopPropagation();
        item.classList.add('drop-target');
      }
    });
    item.addEventListener('dragleave', () => item.classList.remove('drop-target'));
    item.addEventListener('drop', async (event) => {
      if (!dragged || dragged === item || family(dragged) !== family(item)) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      item.classList.remove('drop-target');
      const siblings = [...item.parentElement.children];
      const fields = {
        elementId: dragged.dataset.id, outlineRevision: main.dataset.outlineRevision,
        position: String(siblings.indexOf(item)), current: form ? form.dataset.elementId : ''
      };
      if (family(item) === 'LESSON') {
        fields.module = item.dataset.module;
      } else {
        fields.lessonId = item.dataset.lesson || '';
      }
      if (dirty) {
        await save();
      }
      post(main.dataset.moveUrl, fields);
    });
  });

  // ---- focus and announcements after a structural change ----
  const params = new URLSearchParams(window.location.search);
  const focus = params.get('focus');
  if (focus) {
    const target = focus === 'title' ? form && form.querySelector('fieldset input:not([type="hidden"]), fieldset select')
      : document.getElementById(focus);
    if (target) {
      if (drawer && drawer.contains(target)) {
        drawer.open = true;
      }
      target.focus();
    }
    params.delete('focus');
    const clean = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (clean ? '?' + clean : ''));
  }
  const announce = document.getElementById('announce');
  if (announce && announce.textContent.trim()) {
    const text = announce.textContent;
    announce.textContent = '';
    setTimeout(() => {
      announce.textContent = text;
    }, 150);
  }

  // ---- insert from the library ----
  const libraryButton = document.querySelector('[data-library]');
  const dialog = document.getElementById('library-dialog');
  if (libraryButton && dialog) {
    const results = document.getElementById('library-results');
    const status = document.getElementById('library-status');
    libraryButton.addEventListener('click', () => {
      dialog.showModal();
      document.getElementById('library-q').focus();
    });
    document.getElementById('library-close').addEventListener('click', () => dialog.close());
    // with a lesson open, a lesson goes right after it in its module and a module after that module;
    // questions go to the end of the quiz
    const place = (kind) => {
      const at = libraryButton.dataset;
      if (kind === 'lesson' && at.insertPosition) {
        return { module: at.insertModule || null, position: Number(at.insertPosition) };
      }
      if (kind === 'module' && at.insertModulePosition) {
        return { position: Number(at.insertModulePosition) };
      }
      return {};
    };
    const insert = async (componentId, mode, kind) => {
      const response = await fetch(libraryButton.dataset.reuseUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf },
        body: JSON.stringify({ componentId, mode, ...place(kind) })
      }).catch(() => null);
      if (!response || !response.ok) {
        const body = response ? await response.json().catch(() => ({})) : {};
        status.textContent = `Not inserted: ${body.detail || 'the library could not be reached.'}`;
        return;
      }
      const body = await response.json().catch(() => ({}));
      const url = new URL(window.location.href);
      if (body.elementId || body.id) {
        url.searchParams.set('element', body.elementId || body.id);
      }
      window.location.href = url.toString();
    };
    document.getElementById('library-search').addEventListener('submit', async (event) => {
      event.preventDefault();
      const q = document.getElementById('library-q').value;
      status.textContent = 'Searching…';
      results.replaceChildren();
      const response = await fetch(`${libraryButton.dataset.searchUrl}?q=${encodeURIComponent(q)}`, {
        credentials: 'same-origin', headers: { Accept: 'application/json' }
      }).catch(() => null);
      if (!response || !response.ok) {
        status.textContent = 'The library could not be searched from here.';
        return;
      }
      const body = await response.json();
      const items = Array.isArray(body) ? body : (body.items || body.components || []);
      status.textContent = items.length ? `${items.length} found.` : 'Nothing found: try other words.';
      items.forEach((item) => {
        const li = document.createElement('li');
        const title = document.createElement('strong');
        title.textContent = item.title || item.prompt || item.id;
        li.appendChild(title);
        const from = document.createElement('small');
        from.textContent = ` ${item.kind || ''} from ${item.sourceCourseTitle || item.courseTitle || 'another course'}`;
        li.appendChild(from);
        [['LINKED', 'Insert linked'], ['COPIED', 'Insert a copy']].forEach(([mode, label]) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'secondary outline';
          button.textContent = label;
          button.addEventListener('click', () => insert(item.id || item.componentId, mode, item.kind));
          li.appendChild(button);
        });
        results.appendChild(li);
      });
    });
  }
});
