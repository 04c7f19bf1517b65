/*
 * The course's side of SCORM 2004 4th Edition: finds API_1484_11 (up the frames, then the opener) and reports
 * through Initialize, SetValue, Commit and Terminate. Loaded as lms.js; player.js calls it.
 */
(function () {
	'use strict';

	var API = null;
	var started = null;
	var ended = false;

	function find(win) {
		for (var tries = 0; win && tries < 10; tries++) {
			if (win.API_1484_11) {
				return win.API_1484_11;
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
			var code = API.GetLastError();
			throw new Error(call + ' failed (' + code + ': ' + API.GetErrorString(code) + ')');
		}
	}

	function set(name, value) {
		check(API.SetValue(name, String(value)), 'SetValue ' + name);
	}

	/** Session time as an ISO 8601 duration. */
	function sessionTime() {
		return 'PT' + Math.round((Date.now() - started) / 1000) + 'S';
	}

	window.StrideLms = {
		name: 'SCORM 2004',

		start: function () {
			return new Promise(function (resolve) {
				API = find(window) || (window.opener ? find(window.opener) : null);
				if (!API) {
					throw new Error('no SCORM 2004 API was found');
				}
				check(API.Initialize(''), 'Initialize');
				started = Date.now();
				var passing = API.GetValue('cmi.scaled_passing_score');
				resolve({
					location: API.GetValue('cmi.location'),
					suspendData: API.GetValue('cmi.suspend_data'),
					masteryScore: passing === '' || passing === null || isNaN(Number(passing)) ? null : Number(passing)
				});
			});
		},

		save: function (location, suspendData, outcome) {
			return new Promise(function (resolve) {
				if (!API || ended) {
					resolve();
					return;
				}
				set('cmi.location', location);
				set('cmi.suspend_data', suspendData);
				set('cmi.completion_status', outcome.completed ? 'completed' : 'incomplete');
				if (outcome.quiz) {
					set('cmi.success_status', outcome.result ? (outcome.result.passed ? 'passed' : 'failed') : 'unknown');
				}
				if (outcome.result) {
					set('cmi.score.scaled', outcome.result.scaled);
					set('cmi.score.raw', outcome.result.percent);
					set('cmi.score.min', 0);
					set('cmi.score.max', 100);
				}
				// suspend keeps location and suspend data for the next attempt's launch
				set('cmi.exit', outcome.completed ? 'normal' : 'suspend');
				check(API.Commit(''), 'Commit');
				resolve();
			});
		},

		finish: function () {
			return new Promise(function (resolve) {
				if (!API || ended) {
					resolve();
					return;
				}
				set('cmi.session_time', sessionTime());
				check(API.Commit(''), 'Commit');
				check(API.Terminate(''), 'Terminate');
				ended = true;
				resolve();
			});
		},

		leave: function () {
			if (API && !ended) {
				ended = true;
				API.SetValue('cmi.session_time', sessionTime());
				API.Commit('');
				API.Terminate('');
			}
		}
	};
})();
