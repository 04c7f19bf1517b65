/*
 * The LMS side of a SCORM package on the lesson page. scorm-again's Scorm12API / Scorm2004API holds the run-time
 * data here, loaded with what was saved; CrossFrameLMS answers the SCO, which runs in a sandboxed frame with an opaque
 * origin and talks to us only by postMessage. Saving is ours, not scorm-again's: on every Commit and Finish/Terminate
 * the whole flattened CMI is sent with a rising sequence number, again with back-off until the server has it, and
 * once more with keepalive when the page is hidden or left, so that closing the tab loses nothing. The server keeps
 * completion and the best score whatever order commits arrive in.
 */
(function () {
  'use strict';
  var section = document.getElementById('package-player');
  var frame = document.getElementById('package-frame');
  if (!section || !frame || !window.CrossFrameLMS) {
    return;
  }
  var runtime = section.dataset.runtime;
  var status = document.getElementById('package-save-state');
  var commitUrl = section.dataset.commitUrl;
  var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  headers[section.dataset.csrfHeader] = section.dataset.csrf;
  var sequence = Number(section.dataset.sequence) || 0;
  var saved = JSON.parse(section.dataset.state || '{}');

  var settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
  var api = runtime === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
  api.loadFromFlattenedJSON(saved);

  // Only our frame may call the run-time: a message from any other window (a popup, an opener) stops here.
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) {
      event.stopImmediatePropagation();
    }
  }, true);
  // The SCO's origin is opaque ("null"), which postMessage cannot address; the listener above is the check.
  new window.CrossFrameLMS(api, '*');

  var pending = null;
  var sending = false;
  var changed = false;
  var delay = 1000;
  var timer = null;

  function say(text, failed) {
    status.textContent = text;
    status.classList.toggle('package-save-failed', !!failed);
  }

  function snapshot(terminate) {
    sequence += 1;
    return { sequence: sequence, terminate: !!terminate, cmi: api.getFlattenedCMI() };
  }

  function send(payload, keepalive) {
    return fetch(commitUrl, {
      method: 'POST', headers: headers, body: JSON.stringify(payload), credentials: 'same-origin', keepalive: !!keepalive
    });
  }

  function flush() {
    if (sending || !pending) {
      return;
    }
    var payload = pending;
    pending = null;
    sending = true;
    send(payload, false).then(function (response) {
      sending = false;
      if (response.ok) {
        delay = 1000;
        return response.json().then(function (result) {
          say(result.done ? 'Saved. This lesson is done.' : 'Saved.', false);
          flush();
        });
      }
      if (response.status === 422 || response.status === 404) {
        // the server refused this data for good: trying again would be refused again
        return response.json().then(function (problem) {
          say('Not saved: ' + (problem.detail || 'the server refused the data.'), true);
        });
      }
      throw new Error('HTTP ' + response.status);
    }).catch(function () {
      sending = false;
      // a newer snapshot holds everything this one did; otherwise this one goes again
      if (!pending) {
        pending = payload;
      }
      say('Not saved yet: trying again in ' + Math.round(delay / 1000) + ' s.', true);
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  function commit(terminate) {
    changed = false;
    pending = snapshot(terminate);
    flush();
  }

  var setEvent = runtime === '1.2' ? 'LMSSetValue.cmi.*' : 'SetValue.cmi.*';
  api.on(setEvent, function () {
    changed = true;
  });
  api.on(runtime === '1.2' ? 'LMSCommit' : 'Commit', function () {
    commit(false);
  });
  api.on(runtime === '1.2' ? 'LMSFinish' : 'Terminate', function () {
    commit(true);
  });

  function leaving() {
    if (!changed && !pending) {
      return;
    }
    // the page may be gone before a normal request ends: keepalive lets this one finish
    var payload = pending || snapshot(false);
    changed = false;
    pending = null;
    send(payload, true).catch(function () { });
  }
  window.addEventListener('pagehide', leaving);
  window.addEventListener('beforeunload', leaving);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      leaving();
    }
  });

  // loaded last, so the run-time is listening before the SCO's first call
  frame.src = section.dataset.contentUrl;
}());
