/*
 * The course's side of cmi5, through the @xapi/cmi5 client (vendor/xapi-cmi5, MIT): reads the launch parameters,
 * gets the auth token from the fetch URL, reads LMS.LaunchData from the State resource and sends initialized,
 * passed or failed, completed and terminated with the cmi5 context template (its session id included). Where the
 * learner is goes in the State resource too (stateId "stride.progress"). Loaded as lms.js; player.js calls it.
 */
(function () {
	'use strict';

	var STATE = 'stride.progress';
	var cmi5 = null;
	var sent = { passed: false, completed: false, failed: false };
	var ended = false;
	var queue = Promise.resolve();

	function client() {
		return new Promise(function (resolve, reject) {
			if (window.Cmi5) {
				resolve(window.Cmi5);
				return;
			}
			var script = document.createElement('script');
			script.src = 'vendor/xapi-cmi5/Cmi5.umd.js';
			script.onload = function () { resolve(window.Cmi5); };
			script.onerror = function () { reject(new Error('the cmi5 client did not load')); };
			document.head.appendChild(script);
		});
	}

	function stateParameters() {
		var launch = cmi5.getLaunchParameters();
		return { agent: launch.actor, activityId: launch.activityId, stateId: STATE, registration: launch.registration };
	}

	function normal() {
		return cmi5.getLaunchData().launchMode === 'Normal';
	}

	function score(result) {
		return { scaled: result.scaled, raw: result.percent, min: 0, max: 100 };
	}

	/** Statements go one after the other, in the order things happened. */
	function then(step) {
		var done = queue.then(step);
		// a failed step is reported to its caller; the steps after it still run
		queue = done.catch(function () {});
		return done;
	}

	window.StrideLms = {
		name: 'cmi5',

		start: function () {
			return client().then(function (Cmi5) {
				if (!Cmi5.isCmiAvailable) {
					throw new Error('the launch address has no cmi5 parameters');
				}
				cmi5 = new Cmi5();
				return cmi5.initialize();
			}).then(function () {
				return cmi5.xapi.getState(stateParameters()).then(function (response) {
					return response.data;
				}, function () {
					return null;
				});
			}).then(function (kept) {
				if (kept && typeof kept === 'object') {
					sent.passed = !!kept.passed;
					sent.completed = !!kept.completed;
				}
				var mastery = cmi5.getLaunchData().masteryScore;
				return {
					location: kept && kept.location,
					suspendData: kept && kept.suspendData,
					masteryScore: mastery === undefined || mastery === null ? null : Number(mastery)
				};
			});
		},

		save: function (location, suspendData, outcome) {
			if (!cmi5 || ended) {
				return Promise.resolve();
			}
			return then(function () {
				var steps = Promise.resolve();
				var result = outcome.result;
				if (normal() && result && result.passed && !sent.passed) {
					sent.passed = true;
					steps = steps.then(function () { return cmi5.pass(score(result)); });
				}
				else if (normal() && result && !result.passed && !sent.passed && !sent.failed) {
					// once a session: a learner who tries again passes or fails in the next one
					sent.failed = true;
					steps = steps.then(function () { return cmi5.fail(score(result)); });
				}
				if (normal() && outcome.completed && !sent.completed) {
					sent.completed = true;
					steps = steps.then(function () { return cmi5.complete(); });
				}
				return steps.then(function () {
					var progress = stateParameters();
					progress.state = { location: location, suspendData: suspendData, passed: sent.passed, completed: sent.completed };
					return cmi5.xapi.setState(progress);
				});
			});
		},

		finish: function () {
			if (!cmi5 || ended) {
				return Promise.resolve();
			}
			return then(function () {
				ended = true;
				return cmi5.terminate();
			});
		},

		leave: function () {
			if (cmi5 && !ended) {
				ended = true;
				then(function () { return cmi5.terminate(); });
			}
		}
	};
})();
