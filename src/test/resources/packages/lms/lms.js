/*
 * A test LMS: scorm-again (npm, MIT) is the SCORM 1.2 or 2004 runtime the course talks to, committing to the test's
 * HTTP server (/commit); every call the course makes is recorded in window.lmsCalls for the test to read.
 * ?version=1.2|2004, ?launch=the course's address, ?resume=1 loads what the last commit kept (location, suspend data).
 */
(function () {
	var params = new URLSearchParams(location.search);
	var version = params.get('version');
	var settings = {
		autocommit: false,
		lmsCommitUrl: '/commit?version=' + version,
		dataCommitFormat: 'flattened',
		logLevel: 5
	};
	var calls = window.lmsCalls = [];
	var api;
	var names;
	if (version === '1.2') {
		api = window.API = new Scorm12API(settings);
		names = ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish'];
	}
	else {
		api = window.API_1484_11 = new Scorm2004API(settings);
		names = ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'];
	}
	names.forEach(function (name) {
		var real = api[name].bind(api);
		api[name] = function () {
			var result = real.apply(null, arguments);
			calls.push({ call: name, args: Array.prototype.slice.call(arguments), result: String(result),
				error: String(api[version === '1.2' ? 'LMSGetLastError' : 'GetLastError']()) });
			return result;
		};
	});
	if (params.get('resume') === '1') {
		var request = new XMLHttpRequest();
		request.open('GET', '/saved?version=' + version, false);
		request.send();
		var saved = JSON.parse(request.responseText);
		var kept = {};
		Object.keys(saved).forEach(function (key) {
			if (/(location|suspend_data)$/.test(key)) {
				kept[key] = saved[key];
			}
		});
		api.loadFromFlattenedJSON(kept);
		if (version === '1.2') {
			api.cmi.core.entry = 'resume';
		}
		else {
			api.cmi.entry = 'resume';
		}
	}
	document.getElementById('sco').src = params.get('launch');
})();
