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

// The main navigation's menus (<details>, which open and close without script): one open at a time, and Escape
// closes the open one and puts the focus back on its name.
document.addEventListener('DOMContentLoaded', () => {
  const menus = [...document.querySelectorAll('.site-header details.nav-menu')];
  menus.forEach((menu) => {
    menu.addEventListener('toggle', () => {
      if (menu.open) {
        menus.filter((other) => other !== menu).forEach((other) => { other.open = false; });
      }
    });
    // While a menu is open, a click elsewhere lands on the layer that closes it (Pico's dropdown): when that click
    // was on another menu's name (or a link of the header), it opens that one too, so one click is enough.
    const summary = menu.querySelector('summary');
    summary.addEventListener('click', (event) => {
      const box = summary.getBoundingClientRect();
      const onName = event.clientX >= box.left && event.clientX <= box.right
        && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!menu.open || event.detail === 0 || onName) {
        return;
      }
      event.preventDefault();
      menu.open = false;
      const under = document.elementsFromPoint(event.clientX, event.clientY).find((element) => !menu.contains(element));
      const other = under && under.closest('.site-header details.nav-menu');
      if (other) {
        other.open = true;
      } else if (under && under.closest('.site-header a')) {
        under.closest('.site-header a').click();
      }
    });
    menu.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  });
});

// Tables: each cell learns its column's name, which narrow screens show beside the value when a row becomes a card.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('main table').forEach((table) => {
    if (table.closest('.lesson-body')) {
      return;
    }
    const header = table.querySelector('thead tr:last-child');
    if (!header) {
      return;
    }
    const names = [...header.cells].flatMap((cell) => Array(cell.colSpan).fill(cell.textContent.trim()));
    table.querySelectorAll('tbody tr').forEach((row) => {
      let column = 0;
      [...row.cells].forEach((cell) => {
        if (cell.tagName === 'TD' && names[column] && !cell.dataset.label) {
          cell.dataset.label = names[column];
        }
        column += cell.colSpan;
      });
    });
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

// Quiz: each answer is saved on the server as soon as it changes; answers that could not be saved (lost
// connection) are sent again when the connection is back. Without this script, "Save answers" saves them all.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form#quiz[data-save-url]');
  if (!form) {
    return;
  }
  const status = document.getElementById('quiz-status');
  const pending = new Set();
  const timers = new Map();
  let sending = false;
  let closed = false;
  const say = (text) => { status.textContent = text; };
  const send = async (questionId) => {
    const data = new URLSearchParams(new FormData(form));
    data.delete('action');
    data.set('questionId', questionId);
    const response = await fetch(form.dataset.saveUrl, {
      method: 'POST', body: data, headers: { Accept: 'application/json' }, credentials: 'same-origin'
    });
    const body = await response.json().catch(() => ({}));
    if (response.status === 409) {
      closed = true;
      say(body.detail || 'This attempt is closed.');
      if (body.resultUrl) {
        window.location.assign(body.resultUrl);
      }
      return true;
    }
    if (!response.ok) {
      say('Not saved: ' + (body.detail || 'try again.'));
      return response.status === 422;
    }
    say('Saved at ' + new Date(body.savedAt).toLocaleTimeString() + '.');
    return true;
  };
  const flush = async () => {
    if (sending || closed) {
      return;
    }
    sending = true;
    let failed = false;
    try {
      while (pending.size > 0 && !closed) {
        const questionId = pending.values().next().value;
        pending.delete(questionId);
        let done = false;
        try {
          done = await send(questionId);
        } catch (error) {
          done = false;
        }
        if (!done) {
          pending.add(questionId);
          failed = true;
          break;
        }
      }
    } finally {
      sending = false;
    }
    if (failed) {
      say('Not saved yet: the connection failed. Your answers stay on this page and are saved when it is back.');
      setTimeout(flush, 5000);
    }
  };
  const changed = (event, delay) => {
    const block = event.target.closest('[data-question-id]');
    if (!block || closed) {
      return;
    }
    const questionId = block.dataset.questionId;
    clearTimeout(timers.get(questionId));
    say('Saving…');
    timers.set(questionId, setTimeout(() => {
      pending.add(questionId);
      flush();
    }, delay));
  };
  form.addEventListener('change', (event) => changed(event, 0));
  form.addEventListener('input', (event) => {
    if (event.target.matches('input[type=text]')) {
      changed(event, 800);
    }
  });
  window.addEventListener('online', flush);
  // one submission: a second click while the first is on its way does nothing (the server would answer the same)
  let submitted = false;
  form.addEventListener('submit', (event) => {
    if (submitted) {
      event.preventDefault();
      return;
    }
    submitted = true;
    closed = true;
  });
  const clock = document.getElementById('time-left');
  if (clock) {
    const deadline = Number(clock.dataset.deadline);
    const value = document.getElementById('time-left-value');
    const tick = () => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      value.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (left === 0) {
        document.getElementById('submit-quiz').click();
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
});

// Knowledge checks: the answer is checked without leaving the lesson; the check comes back with its feedback.
document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form.check-form');
  if (!form) {
    return;
  }
  event.preventDefault();
  const check = form.closest('.knowledge-check');
  try {
    const response = await fetch(form.action, {
      method: 'POST', body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'text/html', 'X-Stride-Fragment': 'check' }, credentials: 'same-origin'
    });
    if (!response.ok && response.status !== 422) {
      throw new Error(String(response.status));
    }
    const html = await response.text();
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const fresh = template.content.querySelector('.knowledge-check');
    check.replaceWith(fresh);
    fresh.querySelector('.check-feedback').focus();
  } catch (error) {
    form.submit();
  }
});

// Course editor: shows the fields that belong to each question's kind (all are shown without this script).
document.addEventListener('DOMContentLoaded', () => {
  const show = (block) => {
    const kind = block.querySelector('select[data-question-kind]');
    if (!kind) {
      return;
    }
    block.querySelectorAll('[data-kinds]').forEach((part) => {
      part.hidden = !part.dataset.kinds.split(' ').includes(kind.value);
    });
  };
  // a true/false question always has the same two options: write them when the author left the options empty, or
  // as the editor's placeholders ("Option 1", "Option 2") a new question comes with
  const placeholder = (value) => value.trim() === '' || /^Option \d+$/.test(value.trim());
  const prefillTrueFalse = (block, kind) => {
    const options = [...block.querySelectorAll('.builder-row input[type="text"]:not([data-kinds])')];
    if (kind.value !== 'TRUE_FALSE' || options.length < 2 || !options.every((option) => placeholder(option.value))) {
      return;
    }
    options.slice(2).forEach((option) => { option.value = ''; });
    options[0].value = 'True';
    options[1].value = 'False';
    options[0].dispatchEvent(new Event('input', { bubbles: true }));
  };
  document.querySelectorAll('.question-block').forEach((block) => {
    show(block);
    const kind = block.querySelector('select[data-question-kind]');
    if (kind) {
      kind.addEventListener('change', () => {
        show(block);
        prefillTrueFalse(block, kind);
      });
    }
  });
});

// Copy buttons: <button data-copy="input-id" hidden> copies the input's value (the input itself stays selectable).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-copy]').forEach((button) => {
    const input = document.getElementById(button.dataset.copy);
    if (!input || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(input.value);
      button.textContent = 'Copied';
    });
  });
});
