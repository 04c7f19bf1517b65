/*
 * The course's side of SCORM 1.2: finds the LMS's API object (the ADL way: up the frames, then the opener) and
 * reports through LMSInitialize, LMSSetValue, LMSCommit and LMSFinish. Loaded as lms.js; player.js calls it.
 */
(function () {
	'use strict';

	var API = null;
	var started = null;
	var ended = false;

	function find(win) {
		for (var tries = 0; win && tries < 10; tries++) {
			if (win.API) {
				return win.API;
			}
			if (!win.parent || win.parent === win) {
				break;
			}
			win = win.parent;
		}
		return null;
	}

	function check(result, call) {
		if (String(result) !== 'true') {
			var code = API.LMSGetLastError();
			throw new Error(call + ' failed (' + code + ': ' + API.LMSGetErrorString(code) + ')');
		}
	}

	function set(name, value) {
		check(API.LMSSetValue(name, String(value)), 'LMSSetValue ' + name);
	}

	/** Session time as SCORM 1.2 wants it: HHHH:MM:SS. */
	function sessionTime() {
		var seconds = Math.round((Date.now() - started) / 1000);
		var pad = function (n, width) { return String(n).padStart(width, '0'); };
		return pad(Math.floor(seconds / 3600), 4) + ':' + pad(Math.floor(seconds / 60) % 60, 2) + ':' + pad(seconds % 60, 2);
	}

	function status(outcome) {
		if (outcome.quiz && outcome.result) {
			// one status in SCORM 1.2: passed or failed says the quiz was taken
			return outcome.result.passed ? 'passed' : 'failed';
		}
		return outcome.completed ? 'completed' : 'incomplete';
	}

	window.StrideLms = {
		name: 'SCORM 1.2',

		start: function () {
			return new Promise(function (resolve) {
				API = find(window) || (window.opener ? find(window.opener) : null);
				if (!API) {
					throw new Error('no SCORM 1.2 API was found');
				}
				check(API.LMSInitialize(''), 'LMSInitialize');
				started = Date.now();
				var mastery = API.LMSGetValue('cmi.student_data.mastery_score');
				resolve({
					location: API.LMSGetValue('cmi.core.lesson_location'),
					suspendData: API.LMSGetValue('cmi.suspend_data'),
					masteryScore: mastery === '' || mastery === null || isNaN(Number(mastery)) ? null : Number(mastery) / 100
				});
			});
		},

		save: function (location, suspendData, outcome) {
			return new Promise(function (resolve) {
				if (!API || ended) {
					resolve();
					return;
				}
				set('cmi.core.lesson_location', location);
				set('cmi.suspend_data', suspendData);
				set('cmi.core.lesson_status', status(outcome));
				if (outcome.result) {
					set('cmi.core.score.min', 0);
					set('cmi.core.score.max', 100);
					set('cmi.core.score.raw', outcome.result.percent);
				}
				// suspend keeps location and suspend data for the next launch
				set('cmi.core.exit', outcome.completed ? '' : 'suspend');
				check(API.LMSCommit(''), 'LMSCommit');
				resolve();
			});
		},

		finish: function () {
			return new Promise(function (resolve) {
				if (!API || ended) {
					resolve();
					return;
				}
				set('cmi.core.session_time', sessionTime());
				check(API.LMSCommit(''), 'LMSCommit');
				check(API.LMSFinish(''), 'LMSFinish');
				ended = true;
				resolve();
			});
		},

		/** The window closes: end the session so the LMS keeps what was committed. */
		leave: function () {
			if (API && !ended) {
				ended = true;
				API.LMSSetValue('cmi.core.session_time', sessionTime());
				API.LMSCommit('');
				API.LMSFinish('');
			}
		}
	};
})();
