// The track editor: fields that fit the step's kind, drag and drop of steps (the buttons do the same by keyboard),
// and moving steps in a team's version before it is saved.
(function () {
  'use strict';

  function showKindFields(container) {
    var select = container.querySelector('[data-kind-select]');
    if (!select) { return; }
    var apply = function () {
      container.querySelectorAll('[data-kinds]').forEach(function (el) {
        el.hidden = el.getAttribute('data-kinds').split(' ').indexOf(select.value) < 0;
      });
    };
    select.addEventListener('change', apply);
    apply();
  }

  // a team's pacing row shows only the field its rule uses (without script, each field's label says when it counts)
  function showRuleFields(item) {
    var select = item.querySelector('[data-rule-select]');
    if (!select) { return; }
    var apply = function () {
      item.querySelectorAll('[data-rules]').forEach(function (el) {
        el.hidden = el.getAttribute('data-rules').split(' ').indexOf(select.value) < 0;
      });
    };
    item.querySelectorAll('.rule-hint').forEach(function (hint) { hint.hidden = true; });
    // the date chosen, written in full beside its field as everywhere else ("1 February 2027")
    item.querySelectorAll('[data-day-hint]').forEach(function (input) {
      var hint = document.getElementById(input.id + '-day');
      if (!hint) { return; }
      input.addEventListener('change', function () {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
        hint.textContent = parts ? new Date(Date.UTC(+parts[1], parts[2] - 1, +parts[3]))
          .toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
      });
    });
    select.addEventListener('change', apply);
    apply();
  }

  function say(text) {
    var status = document.getElementById('order-status');
    if (status) { status.textContent = text; }
  }

  function dragAndDrop(list, onDrop) {
    var dragged = null;
    list.querySelectorAll('li[draggable="true"]').forEach(function (item) {
      item.addEventListener('dragstart', function (e) {
        dragged = item;
        item.classList.add('dragging');
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', item.getAttribute('data-step-id'));
      });
      item.addEventListener('dragend', function () {
        item.classList.remove('dragging');
        list.querySelectorAll('.drop-target').forEach(function (el) { el.classList.remove('drop-target'); });
      });
      item.addEventListener('dragover', function (e) {
        if (!dragged || dragged === item) { return; }
        e.preventDefault();
        item.classList.add('drop-target');
      });
      item.addEventListener('dragleave', function () { item.classList.remove('drop-target'); });
      item.addEventListener('drop', function (e) {
        e.preventDefault();
        item.classList.remove('drop-target');
        if (!dragged || dragged === item) { return; }
        var items = Array.prototype.slice.call(list.children);
        if (items.indexOf(dragged) < items.indexOf(item)) {
          item.after(dragged);
        } else {
          item.before(dragged);
        }
        onDrop();
      });
    });
  }

  function definitionEditor() {
    var list = document.getElementById('step-list');
    var form = document.getElementById('order-form');
    if (!list || !form) { return; }
    dragAndDrop(list, function () {
      form.querySelectorAll('input[name="stepIds"]').forEach(function (el) { el.remove(); });
      Array.prototype.forEach.call(list.children, function (li) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'stepIds';
        input.value = li.getAttribute('data-step-id');
        form.appendChild(input);
      });
      say('Saving the new order…');
      form.submit();
    });
  }

  function renumber(list) {
    Array.prototype.forEach.call(list.children, function (li, i) {
      var place = li.querySelector('[data-place]');
      if (place) { place.value = i + 1; }
    });
  }

  function teamEditor() {
    var list = document.getElementById('team-steps');
    if (!list) { return; }
    list.querySelectorAll('li').forEach(function (li) { li.setAttribute('draggable', 'true'); });
    list.querySelectorAll('li.step-item').forEach(showRuleFields);
    list.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-move]');
      if (!button) { return; }
      var li = button.closest('li');
      var up = button.getAttribute('data-move') === 'up';
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) { say('Already ' + (up ? 'first' : 'last') + '.'); return; }
      if (up) { other.before(li); } else { other.after(li); }
      renumber(list);
      button.focus();
      var title = li.querySelector('.step-title');
      say('Moved “' + (title ? title.textContent : 'the step') + '” to place '
        + (Array.prototype.indexOf.call(list.children, li) + 1) + '. Save to keep it.');
    });
    dragAndDrop(list, function () { renumber(list); say('Moved. Save to keep the order.'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-step-fields]').forEach(showKindFields);
    definitionEditor();
    teamEditor();
    var main = document.querySelector('main[data-focus]');
    var target = main && document.getElementById(main.getAttribute('data-focus'));
    if (target && !target.disabled) { target.focus(); }
  });
}());
