// Review page: number keys choose an option (1 = first), so a review can be answered without the mouse.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('review');
  if (!form) {
    return;
  }
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || /^(SELECT|TEXTAREA)$/.test(event.target.tagName)) {
      return;
    }
    const input = form.querySelector('input[data-key="' + event.key + '"]');
    if (input) {
      event.preventDefault();
      input.checked = input.type === 'radio' ? true : !input.checked;
      input.focus();
    }
  });
});
