// Recordings: the transcription's progress refreshed in place, and times that play the recording from that moment.
// A separate file because the Content-Security-Policy allows no inline script.
document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('transcription-status');
  if (status) {
    const poll = async () => {
      try {
        const response = await fetch(status.dataset.progressUrl, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (response.status === 404) {
          // deleted meanwhile (another tab): the page says so instead of waiting for ever
          window.location.reload();
          return;
        }
        if (!response.ok) {
          setTimeout(poll, 5000);
          return;
        }
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('transcription-progress');
        if (!fresh || fresh.dataset.status !== 'TRANSCRIBING') {
          // transcribed or stopped: the whole page changes
          window.location.reload();
          return;
        }
        const shown = document.getElementById('transcription-progress');
        if (shown.textContent.trim() !== fresh.textContent.trim()) {
          shown.replaceWith(fresh);
        }
        setTimeout(poll, 1500);
      } catch (error) {
        setTimeout(poll, 5000);
      }
    };
    setTimeout(poll, 1000);
  }

  const player = document.getElementById('recording-player');
  document.querySelectorAll('button[data-seek]').forEach(button => {
    button.addEventListener('click', () => {
      if (!player) {
        return;
      }
      player.currentTime = Number(button.dataset.seek);
      const playing = player.play();
      if (playing) {
        playing.catch(() => {});
      }
    });
  });

  // the transcript beside the draft starts open where there is room for it, folded on a phone
  const aside = document.getElementById('draft-transcript');
  if (aside && window.matchMedia('(min-width: 1024px)').matches) {
    aside.open = true;
  }
});
