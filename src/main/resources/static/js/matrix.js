// The capability matrix without a mouse: one cell at a time is in the tab order (roving focus); the arrow keys, Home
// and End move it. Without this file the matrix still scrolls and its links are reached with Tab.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('table[data-matrix]').forEach((table) => {
    const rows = [...table.rows];
    const cellAt = (r, c) => rows[r] && rows[r].cells[c];
    let current = cellAt(1, 1) || cellAt(0, 0);
    if (!current) {
      return;
    }
    current.tabIndex = 0;
    const move = (cell) => {
      if (!cell) {
        return;
      }
      current.tabIndex = -1;
      current = cell;
      current.tabIndex = 0;
      current.focus();
      current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    };
    table.addEventListener('focusin', (event) => {
      const cell = event.target.closest('td, th');
      if (cell && cell !== current && table.contains(cell)) {
        current.tabIndex = -1;
        current = cell;
        current.tabIndex = 0;
      }
    });
    table.addEventListener('keydown', (event) => {
      const cell = event.target.closest('td, th');
      if (!cell) {
        return;
      }
      const r = cell.parentElement.rowIndex;
      const c = cell.cellIndex;
      const last = rows[r].cells.length - 1;
      const target = {
        ArrowRight: () => cellAt(r, c + 1),
        ArrowLeft: () => cellAt(r, c - 1),
        ArrowDown: () => cellAt(r + 1, c),
        ArrowUp: () => cellAt(r - 1, c),
        Home: () => cellAt(r, 0),
        End: () => cellAt(r, last),
      }[event.key];
      if (target) {
        event.preventDefault();
        move(target());
      } else if (event.key === 'Enter' && event.target === cell) {
        const link = cell.querySelector('a');
        if (link) {
          link.click();
        }
      }
    });
  });
});
