// Acme's demo SCO: finds the SCORM 1.2 API, resumes the last answer, and reports passed with 100 for the right one.
(function () {
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      try { if (win.API) { return win.API; } } catch (e) { return null; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window);
  var feedback = document.getElementById('feedback');
  window.addEventListener('load', function () {
    if (!api) { feedback.textContent = 'Open this lesson in Stride to have it count.'; return; }
    api.LMSInitialize('');
    var last = api.LMSGetValue('cmi.suspend_data');
    if (last) {
      var chosen = document.querySelector('input[value="' + last + '"]');
      if (chosen) { chosen.checked = true; }
    }
    if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
      api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    }
  });
  document.getElementById('question').addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = document.querySelector('input[name="answer"]:checked');
    if (!chosen) { feedback.textContent = 'Choose an answer first.'; return; }
    var right = chosen.value === 'report';
    feedback.textContent = right ? 'Right: reporting it protects everyone. This lesson is done.'
      : 'Not quite: IT never asks for your password. Try again.';
    if (!api) { return; }
    api.LMSSetValue('cmi.suspend_data', chosen.value);
    if (right) {
      api.LMSSetValue('cmi.core.score.raw', '100');
      api.LMSSetValue('cmi.core.lesson_status', 'passed');
      api.LMSCommit('');
      api.LMSFinish('');
    }
    else {
      api.LMSSetValue('cmi.core.exit', 'suspend');
      api.LMSCommit('');
    }
  });
}());
