// The outline editor: autosave of the element being edited and of the course's settings (one save at a time, each
// under its own revision), the conflict view, the live preview, arrow keys and drag and drop in the outline, and the library dialog. Every structural
// change is a plain form, and typed text saves by a plain form too, so the page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  const main = document.querySelector('main.editor');
  if (!main) {
    return;
  }
  const csrfInput = document.querySelector('input[name="_csrf"]');
  const csrf = csrfInput ? csrfInput.value : '';
  const form = document.querySelector('form[data-element-form]');
  const time = () => new Date().toTimeString().slice(0, 5);

  // ---- autosave: the element being edited and the course's settings, each under its own revision ----
  const render = (value) => {
    if (value == null) {
      return '';
    }
    if (typeof value === 'string') {
      return value;
    }
    if (value.passMark !== undefined) {
      return [`Title: ${value.title || ''}`, `Description: ${value.description || ''}`,
        `Objectives: ${(value.objectives || []).join('; ')}`, `Risk tier: ${value.riskTier || 'Stride chooses'}`,
        `Reason for the tier: ${value.tierReason || ''}`, `Pass mark: ${value.passMark}%`].join('\n');
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
  const autosavers = [];
  // form: the fields saved together; revisionName: its revision field (sent, and set from the answer);
  // state: where "Saving… / Saved at / Not saved" shows; conflict: the section that shows both texts;
  // reload: where "Take theirs" goes; saved(body): what else changes on the page after a save
  // posts: its button still posts the form (after any save under way), coming back as the page without the script does
  const autosave = ({ form: fields, revisionName, state, label = '', conflict, reload, saved, posts = false }) => {
    const saver = { dirty: false, stopped: false };
    let saving = null;
    let timer = null;
    const revision = fields.querySelector(`input[name="${revisionName}"]`);
    const setState = (text, kind) => {
      state.textContent = label + text;
      state.dataset.state = kind || '';
    };
    const showErrors = (errors) => {
      fields.querySelectorAll('[data-error-for]').forEach((slot) => {
        slot.textContent = '';
      });
      fields.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
      Object.entries(errors || {}).forEach(([field, message]) => {
        const base = field.replace(/\[.*$/, '');
        const slot = fields.querySelector(`[data-error-for="${base}"]`) || fields.querySelector('[data-error-for]');
        if (slot) {
          slot.textContent = message;
        }
        const input = fields.querySelector(`[name="${base}"]`);
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          if (slot && slot.id && !input.getAttribute('aria-describedby')) {
            input.setAttribute('aria-describedby', slot.id);
          }
        }
      });
    };
    const part = (name) => conflict.querySelector(`[data-${name}]`);
    const showConflict = (body) => {
      saver.stopped = true;
      setState('Not saved: conflict (see below)', 'conflict');
      part('conflict-theirs').textContent = render(body.theirs);
      part('conflict-yours').textContent = render(body.yours);
      part('conflict-who').textContent = `${body.savedBy || 'Someone'} saved it${body.savedAt
        ? ' at ' + new Date(body.savedAt).toTimeString().slice(0, 5) : ''}. Nothing of yours was written over theirs.`;
      conflict.dataset.theirRevision = body.theirRevision;
      conflict.hidden = false;
      // the conflict's heading just below the sticky header, measured (the header's height follows its wrapped lines)
      conflict.focus({ preventScroll: true });
      conflict.scrollIntoView({ block: 'start', behavior: 'instant' });
      const header = document.getElementById('editor-header');
      if (header) {
        const covered = header.getBoundingClientRect().bottom + 8 - conflict.getBoundingClientRect().top;
        if (covered > 0) {
          window.scrollBy({ top: -covered, behavior: 'instant' });
        }
      }
    };
    const save = async (keepalive) => {
      if (saver.stopped) {
        return;
      }
      if (saving) {
        await saving;
        if (!saver.dirty) {
          return;
        }
      }
      saver.dirty = false;
      clearTimeout(timer);
      setState('Saving…', 'saving');
      const data = new URLSearchParams(new FormData(fields));
      saving = (async () => {
        try {
          const response = await fetch(fields.action, {
            method: 'POST', body: data, keepalive: !!keepalive, credentials: 'same-origin',
            headers: { Accept: 'application/json', 'X-CSRF-TOKEN': csrf }
          });
          const body = await response.json().catch(() => ({}));
          if (response.ok) {
            revision.value = body[revisionName] !== undefined ? body[revisionName] : body.revision;
            showErrors({});
            // typed on while this save was under way: not saved yet, the next save follows
            if (saver.dirty) {
              setState('Not saved yet…', 'pending');
            } else {
              setState(`Saved at ${body.savedAt ? body.savedAt.slice(0, 5) : time()}`, 'saved');
            }
            if (saved) {
              saved(body);
            }
          } else if (response.status === 409) {
            showConflict(body);
          } else if (response.status === 422) {
            saver.dirty = true;
            showErrors(body.errors);
            setState(`Not saved: ${body.detail || 'check the fields marked'}`, 'invalid');
          } else {
            saver.dirty = true;
            setState(`Not saved: ${body.detail || 'Stride could not be reached'}. Select this to retry.`, 'failed');
          }
        } catch (error) {
          saver.dirty = true;
          setState('Not saved: Stride could not be reached. Select this to retry.', 'failed');
        }
      })();
      await saving;
      saving = null;
    };
    saver.save = save;
    // resolves once no save is under way (a save may wait for the one before it)
    saver.idle = async () => {
      while (saving) {
        await saving;
      }
    };
    fields.addEventListener('input', () => {
      saver.dirty = true;
      if (!saver.stopped) {
        setState('Not saved yet…', 'pending');
      }
      clearTimeout(timer);
      timer = setTimeout(() => save(), 800);
    });
    fields.addEventListener('change', () => {
      saver.dirty = true;
      clearTimeout(timer);
      timer = setTimeout(() => save(), 300);
    });
    fields.addEventListener('focusout', () => {
      if (saver.dirty) {
        save();
      }
    });
    fields.addEventListener('submit', async (event) => {
      if (!posts) {
        event.preventDefault();
        saver.dirty = true;
        save();
        return;
      }
      if (fields.dataset.posting) {
        return;
      }
      // the post goes once every save under way is answered, with the revision the last one answered; a refusal
      // (errors at the fields, a conflict) stays on the page instead
      event.preventDefault();
      clearTimeout(timer);
      if (saver.dirty) {
        await save();
      }
      await saver.idle();
      if (saver.dirty || saver.stopped) {
        return;
      }
      saver.stopped = true;
      fields.dataset.posting = 'true';
      // submit() rather than requestSubmit(): the button's own submission was prevented above, and a second
      // submission event started from here was sometimes dropped by the browser
      if (event.submitter && event.submitter.name) {
        const pressed = document.createElement('input');
        pressed.type = 'hidden';
        pressed.name = event.submitter.name;
        pressed.value = event.submitter.value;
        fields.appendChild(pressed);
      }
      fields.submit();
    });
    state.addEventListener('click', () => {
      if (state.dataset.state === 'failed') {
        save();
      }
    });
    // the conflict view: keep mine saves over theirs, take theirs reloads, merge lets the author edit first
    part('keep-mine').addEventListener('click', () => {
      revision.value = conflict.dataset.theirRevision;
      conflict.hidden = true;
      saver.stopped = false;
      saver.dirty = true;
      save();
    });
    part('take-theirs').addEventListener('click', () => {
      saver.dirty = false;
      saver.stopped = true;
      window.location.href = reload;
    });
    part('merge').addEventListener('click', () => {
      // their text stays in view; yours stays in the fields: edit them into one, which then saves over theirs
      revision.value = conflict.dataset.theirRevision;
      saver.stopped = false;
      setState('Merging: edit your text, it saves over theirs', 'pending');
      const field = fields.querySelector('textarea, input[type="text"], input:not([type="hidden"])');
      if (field) {
        field.focus();
      }
    });
    autosavers.push(saver);
    return saver;
  };
  const elementState = document.getElementById('save-state');
  const conflict = document.getElementById('conflict');
  if (form) {
    elementState.textContent = 'All changes saved';
    elementState.dataset.state = 'saved';
    autosave({
      form, revisionName: 'revision', state: elementState, conflict, reload: window.location.href,
      saved: (body) => {
        // a renamed lesson shows its new name in its heading and in the outline right away
        const title = form.querySelector('#lesson-title');
        if (title && title.value.trim()) {
          const heading = document.getElementById('element-heading');
          if (heading) {
            heading.textContent = `Lesson: ${title.value.trim()}`;
          }
          const entry = document.querySelector('#outline-tree .outline-link[aria-current="page"]');
          if (entry) {
            entry.textContent = title.value.trim();
          }
        }
        const undo = document.querySelector('#undo');
        if (undo) {
          undo.disabled = false;
          document.querySelector('[data-undo-form] input[name="revision"]').value = body.revision;
        }
      }
    });
  }
  const settingsForm = document.getElementById('settings-form');
  if (settingsForm) {
    const settingsOpenLink = document.getElementById('settings-open');
    autosave({
      form: settingsForm, revisionName: 'settingsRevision', state: document.getElementById('settings-save-state'),
      label: 'Settings: ', posts: true,
      conflict: document.getElementById('settings-conflict'),
      reload: settingsOpenLink ? settingsOpenLink.href : window.location.href,
      saved: (body) => {
        const publish = document.getElementById('publish');
        if (publish && body.publishLabel) {
          publish.textContent = body.publishLabel;
        }
        const heading = document.querySelector('.editor-title h1');
        const title = settingsForm.querySelector('[name="title"]');
        if (heading && title && title.value.trim()) {
          heading.textContent = title.value.trim();
        }
      }
    });
  }
  const pending = () => autosavers.filter((saver) => saver.dirty && !saver.stopped);
  const saveAll = async (keepalive) => {
    await Promise.all(pending().map((saver) => saver.save(keepalive)));
    await Promise.all(autosavers.map((saver) => saver.idle()));
  };
  if (autosavers.length) {
    // leaving the page (another element, a structural form, another page) saves first
    document.addEventListener('click', async (event) => {
      const link = event.target.closest('a[href]');
      if (!link || !pending().length || link.target) {
        return;
      }
      event.preventDefault();
      await saveAll();
      if (!pending().length) {
        window.location.href = link.href;
      }
    });
    document.querySelectorAll('form:not([data-autosave]):not([role="search"])').forEach((other) => {
      other.addEventListener('submit', async (event) => {
        if (!pending().length || other.dataset.saved) {
          return;
        }
        event.preventDefault();
        await saveAll();
        if (!pending().length) {
          other.dataset.saved = 'true';
          other.requestSubmit(event.submitter);
        }
      });
    });
    window.addEventListener('pagehide', () => {
      if (pending().length) {
        saveAll(true);
      }
    });
    window.addEventListener('beforeunload', (event) => {
      if (pending().length) {
        saveAll(true);
        event.preventDefault();
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
        // a lesson without a module carries an empty (or, rendered by some engines, no) data-module: send "" for
        // "no module", never the text "undefined"
        fields.module = item.dataset.module || '';
      } else {
        fields.lessonId = item.dataset.lesson || '';
      }
      await saveAll();
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
    // after an insert the page reloads on the new element: it says what went in
    const inserted = sessionStorage.getItem('stride-inserted');
    if (inserted) {
      sessionStorage.removeItem('stride-inserted');
      const notice = document.createElement('p');
      notice.className = 'notice';
      notice.id = 'inserted-notice';
      notice.setAttribute('role', 'status');
      notice.textContent = inserted;
      const announceAt = document.getElementById('announce');
      if (announceAt) {
        announceAt.before(notice);
      }
    }
    const insert = async (componentId, mode, kind, title) => {
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
      sessionStorage.setItem('stride-inserted', `Inserted \u201c${title}\u201d (${mode === 'LINKED' ? 'linked' : 'a copy'})`);
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
        const name = item.title || item.prompt || item.id;
        const title = document.createElement('strong');
        title.textContent = name;
        li.appendChild(title);
        const from = document.createElement('small');
        from.textContent = ` ${item.kind || ''} from ${item.sourceCourseTitle || item.courseTitle || 'another course'}`;
        li.appendChild(from);
        [['LINKED', 'Insert linked', `Insert linked: \u201c${name}\u201d`],
          ['COPIED', 'Insert a copy', `Insert a copy: \u201c${name}\u201d`]].forEach(([mode, label, accessible]) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'secondary outline';
          button.textContent = label;
          button.setAttribute('aria-label', accessible);
          button.addEventListener('click', () => insert(item.id || item.componentId, mode, item.kind, name));
          li.appendChild(button);
        });
        results.appendChild(li);
      });
    });
  }
});
