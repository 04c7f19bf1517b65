/*
 * Stride's exported course: leads through the lessons and the final quiz, scores the quiz here (Stride's rules for
 * all seven kinds of question) and tells the LMS through window.StrideLms (lms.js: SCORM 1.2, SCORM 2004 or cmi5)
 * where the learner is, what they have seen, their score and whether they completed and passed.
 * The course itself is window.STRIDE_COURSE (course.js); lesson HTML was sanitized by Stride when it was exported.
 */
(function () {
	'use strict';

	var course = window.STRIDE_COURSE;
	var lms = window.StrideLms;
	var content = document.getElementById('content');
	var outline = document.getElementById('course-outline');
	var status = document.getElementById('lms-status');

	// what the learner has done, kept by the LMS as suspend data so that the next launch resumes it
	var state = { seen: [], result: null };
	var where = null;
	var masteryScore = course.quiz ? course.quiz.passMark / 100 : null;
	var finished = false;

	function el(name, attributes, text) {
		var element = document.createElement(name);
		Object.keys(attributes || {}).forEach(function (key) {
			element.setAttribute(key, attributes[key]);
		});
		if (text !== undefined && text !== null) {
			element.textContent = text;
		}
		return element;
	}

	function say(text) {
		status.textContent = text;
	}

	function allSeen() {
		return course.lessons.every(function (lesson, i) {
			return state.seen.indexOf(i) >= 0;
		});
	}

	/** Completed: every lesson seen and, when there is a quiz, the quiz taken. */
	function outcome() {
		var completed = allSeen() && (!course.quiz || state.result !== null);
		return {
			completed: completed,
			quiz: !!course.quiz,
			result: state.result
		};
	}

	function location() {
		return typeof where === 'number' ? 'lesson-' + where : where;
	}

	function save() {
		if (lms.offline) {
			return Promise.resolve();
		}
		return Promise.resolve(lms.save(location(), JSON.stringify(state), outcome()))
			.catch(function (problem) {
				say('Your learning platform did not take the progress: ' + problem.message);
			});
	}

	function place(target) {
		where = target;
		if (typeof target === 'number' && state.seen.indexOf(target) < 0) {
			state.seen.push(target);
		}
		render();
		content.focus();
		save();
	}

	function renderOutline() {
		outline.textContent = '';
		course.lessons.forEach(function (lesson, i) {
			var item = el('li');
			var button = el('button', { type: 'button', 'data-lesson': String(i) }, lesson.title);
			if (where === i) {
				button.setAttribute('aria-current', 'page');
			}
			if (state.seen.indexOf(i) >= 0) {
				button.className = 'seen';
				button.setAttribute('aria-label', lesson.title + ' (seen)');
			}
			button.addEventListener('click', function () {
				place(i);
			});
			item.appendChild(button);
			outline.appendChild(item);
		});
		if (course.quiz) {
			var item = el('li');
			var button = el('button', { type: 'button', id: 'outline-quiz' }, 'Quiz');
			if (where === 'quiz') {
				button.setAttribute('aria-current', 'page');
			}
			button.addEventListener('click', function () {
				place('quiz');
			});
			item.appendChild(button);
			outline.appendChild(item);
		}
	}

	function pager(previous, next) {
		var bar = el('div', { 'class': 'pager' });
		if (previous) {
			var back = el('button', { type: 'button', 'class': 'secondary', id: 'previous' }, previous.label);
			back.addEventListener('click', previous.go);
			bar.appendChild(back);
		}
		if (next) {
			var forward = el('button', { type: 'button', id: 'next' }, next.label);
			forward.addEventListener('click', next.go);
			bar.appendChild(forward);
		}
		return bar;
	}

	function renderLesson(i) {
		var lesson = course.lessons[i];
		content.appendChild(el('h2', { id: 'lesson-title' }, lesson.title));
		var body = el('div', { 'class': 'lesson-body' });
		// sanitized by Stride's Markdown renderer before it was exported; nothing else goes in as HTML
		body.innerHTML = lesson.html;
		content.appendChild(body);
		var previous = i > 0 ? { label: 'Previous: ' + course.lessons[i - 1].title, go: function () { place(i - 1); } } : null;
		var next;
		if (i + 1 < course.lessons.length) {
			next = { label: 'Next: ' + course.lessons[i + 1].title, go: function () { place(i + 1); } };
		}
		else if (course.quiz) {
			next = { label: 'Next: the quiz', go: function () { place('quiz'); } };
		}
		else {
			next = { label: 'Finish the course', go: finish };
		}
		content.appendChild(pager(previous, next));
	}

	function shuffled(count) {
		var order = [];
		for (var i = 0; i < count; i++) {
			order.push(i);
		}
		for (var j = order.length - 1; j > 0; j--) {
			var k = Math.floor(Math.random() * (j + 1));
			var swap = order[j];
			order[j] = order[k];
			order[k] = swap;
		}
		return order;
	}

	function select(id, label, choices, order) {
		var wrapper = el('p');
		wrapper.appendChild(el('label', { 'for': id }, label));
		wrapper.appendChild(document.createTextNode(' '));
		var box = el('select', { id: id, name: id });
		box.appendChild(el('option', { value: '' }, 'Choose…'));
		order.forEach(function (index) {
			box.appendChild(el('option', { value: String(index) }, choices[index]));
		});
		wrapper.appendChild(box);
		return wrapper;
	}

	function renderQuestion(q, n) {
		var set = el('fieldset', { id: q.id, 'data-kind': q.kind });
		set.appendChild(el('legend', null, 'Question ' + (n + 1) + ': ' + q.prompt));
		var name = q.id + '-answer';
		switch (q.kind) {
			case 'SINGLE_CHOICE':
			case 'TRUE_FALSE':
			case 'MULTIPLE_CHOICE':
				if (q.kind === 'MULTIPLE_CHOICE') {
					set.appendChild(el('p', { 'class': 'hint' }, q.scoring === 'PARTIAL'
						? 'Choose every right answer: each right choice earns a share, each wrong one takes one away.'
						: 'Choose every right answer: the point is earned only with exactly the right choices.'));
				}
				q.options.forEach(function (option, i) {
					var label = el('label', { 'for': name + '-' + i });
					var input = el('input', {
						type: q.kind === 'MULTIPLE_CHOICE' ? 'checkbox' : 'radio',
						id: name + '-' + i, name: name, value: String(i)
					});
					label.appendChild(input);
					label.appendChild(document.createTextNode(' ' + option));
					set.appendChild(label);
				});
				break;
			case 'ORDERING':
				set.appendChild(el('p', { 'class': 'hint' }, 'Put the steps in order: choose the step for each place.'));
				var order = shuffled(q.options.length);
				q.options.forEach(function (option, place) {
					set.appendChild(select(name + '-' + place, 'Step ' + (place + 1), q.options, order));
				});
				break;
			case 'MATCHING':
				set.appendChild(el('p', { 'class': 'hint' }, 'Choose the match of each item.'));
				var inOrder = q.matches.map(function (m, i) { return i; });
				q.options.forEach(function (item, i) {
					set.appendChild(select(name + '-' + i, item, q.matches, inOrder));
				});
				break;
			case 'SHORT_ANSWER':
			case 'NUMERIC':
				var p = el('p');
				p.appendChild(el('label', { 'for': name }, q.kind === 'NUMERIC'
					? 'Your answer' + (q.unit ? ' (in ' + q.unit + ')' : '') : 'Your answer'));
				p.appendChild(document.createTextNode(' '));
				var input = el('input', { type: 'text', id: name, name: name, autocomplete: 'off' });
				if (q.kind === 'NUMERIC') {
					input.setAttribute('inputmode', 'decimal');
				}
				p.appendChild(input);
				set.appendChild(p);
				break;
		}
		return set;
	}

	function answerOf(q) {
		var name = q.id + '-answer';
		switch (q.kind) {
			case 'SINGLE_CHOICE':
			case 'TRUE_FALSE':
			case 'MULTIPLE_CHOICE':
				return Array.prototype.slice.call(document.querySelectorAll('input[name="' + name + '"]:checked'))
					.map(function (input) { return Number(input.value); });
			case 'ORDERING':
			case 'MATCHING':
				return q.options.map(function (o, i) {
					var value = document.getElementById(name + '-' + i).value;
					return value === '' ? -1 : Number(value);
				});
			default:
				return document.getElementById(name).value;
		}
	}

	function sameSet(a, b) {
		return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
	}

	/** Text as Stride compares short answers: no accents, case, punctuation or spaces. */
	function key(text) {
		return String(text || '').normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
			.replace(/\p{P}+/gu, '').replace(/\s+/g, '');
	}

	/** A number as people write it ("1.5", "1,5", "1,500.25", "1.500,25", a trailing unit), as a decimal string. */
	function number(text, unit) {
		var s = String(text || '').trim();
		if (unit && s.toLowerCase().endsWith(unit.trim().toLowerCase())) {
			s = s.substring(0, s.length - unit.trim().length);
		}
		s = s.replace(/[\s\u00A0\u2007\u202F\u2009']/g, '').replace(/\u2212/g, '-');
		if (s.length > 40) {
			return null;
		}
		if (/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) {
			return s.replace(',', '.');
		}
		if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
			return s.replace(/,/g, '');
		}
		if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) {
			return s.replace(/\./g, '').replace(',', '.');
		}
		return null;
	}

	/** A decimal string as an exact integer count of 10^-scale, so that the tolerance's edge counts. */
	function decimal(text, scale) {
		var negative = text.charAt(0) === '-';
		var plain = text.replace(/^[+-]/, '');
		var parts = plain.split('.');
		var whole = parts[0] || '0';
		var fraction = (parts[1] || '').padEnd(scale, '0');
		var value = BigInt(whole + fraction);
		return negative ? -value : value;
	}

	function decimals(text) {
		var dot = text.indexOf('.');
		return dot < 0 ? 0 : text.length - dot - 1;
	}

	function within(answer, value, tolerance) {
		var scale = Math.max(decimals(answer), decimals(value), decimals(tolerance));
		var difference = decimal(answer, scale) - decimal(value, scale);
		if (difference < 0n) {
			difference = -difference;
		}
		return difference <= decimal(tolerance, scale);
	}

	/** The credit of an answer, from 0 to 1, by Stride's rules. */
	function credit(q, answer) {
		switch (q.kind) {
			case 'SINGLE_CHOICE':
			case 'TRUE_FALSE':
				return sameSet(answer, q.correct) ? 1 : 0;
			case 'MULTIPLE_CHOICE':
				if (q.scoring !== 'PARTIAL') {
					return sameSet(answer, q.correct) ? 1 : 0;
				}
				var right = answer.filter(function (i) { return q.correct.indexOf(i) >= 0; }).length;
				var wrong = answer.length - right;
				return Math.max(0, right - wrong) / q.correct.length;
			case 'ORDERING':
				return answer.every(function (step, i) { return step === q.correct[i]; }) ? 1 : 0;
			case 'MATCHING':
				var matched = answer.filter(function (match, i) { return match === q.correct[i]; }).length;
				if (q.scoring === 'PARTIAL') {
					return matched / q.correct.length;
				}
				return matched === q.correct.length ? 1 : 0;
			case 'SHORT_ANSWER':
				var given = key(answer);
				return given !== '' && q.accepted.some(function (a) { return key(a) === given; }) ? 1 : 0;
			case 'NUMERIC':
				var parsed = number(answer, q.unit);
				return parsed !== null && q.value !== null && within(parsed, q.value, q.tolerance || '0') ? 1 : 0;
		}
		return 0;
	}

	function renderQuiz() {
		content.appendChild(el('h2', { id: 'quiz-title' }, 'Quiz'));
		content.appendChild(el('p', null, 'Pass mark: ' + Math.round(masteryScore * 100) + '%. '
			+ course.quiz.questions.length + ' questions.'));
		if (state.result) {
			content.appendChild(resultBox(state.result));
		}
		var form = el('form', { id: 'quiz-form', novalidate: 'novalidate' });
		course.quiz.questions.forEach(function (q, n) {
			form.appendChild(renderQuestion(q, n));
		});
		form.appendChild(el('button', { type: 'submit', id: 'submit-quiz' }, 'Submit the quiz'));
		form.addEventListener('submit', function (event) {
			event.preventDefault();
			submitQuiz(form);
		});
		content.appendChild(form);
		var last = course.lessons.length - 1;
		if (last >= 0) {
			content.appendChild(pager({ label: 'Previous: ' + course.lessons[last].title, go: function () { place(last); } }, null));
		}
	}

	function resultBox(result) {
		var box = el('div', { id: 'quiz-result', 'class': 'result ' + (result.passed ? 'passed' : 'failed'), role: 'status' });
		box.appendChild(el('p', null, (result.passed ? 'Passed' : 'Not passed yet') + ': you scored ' + result.percent + '%.'));
		return box;
	}

	function submitQuiz(form) {
		var questions = course.quiz.questions;
		var total = 0;
		questions.forEach(function (q) {
			var earned = credit(q, answerOf(q));
			total += earned;
			var set = document.getElementById(q.id);
			var old = set.querySelector('.feedback');
			if (old) {
				old.remove();
			}
			var full = earned >= 1 - 1e-9;
			set.appendChild(el('p', { 'class': 'feedback ' + (full ? 'right' : 'wrong') },
				full ? 'Right.' : earned > 0 ? 'Partly right.' : 'Not right.'));
		});
		var scaled = total / questions.length;
		state.result = {
			scaled: Math.round(scaled * 10000) / 10000,
			percent: Math.round(scaled * 100),
			passed: scaled >= masteryScore - 1e-9
		};
		var shown = document.getElementById('quiz-result');
		if (shown) {
			shown.remove();
		}
		var box = resultBox(state.result);
		form.parentNode.insertBefore(box, form);
		if (allSeen()) {
			form.parentNode.insertBefore(pager(null, { label: 'Finish the course', go: finish }), form);
		}
		else {
			box.appendChild(el('p', null, 'Read the lessons not yet seen to complete the course.'));
		}
		save();
		// the result is read out and the keyboard continues from it
		box.setAttribute('tabindex', '-1');
		box.focus();
	}

	function finish() {
		if (finished) {
			return;
		}
		finished = true;
		Promise.resolve(save()).then(function () {
			return lms.offline ? null : lms.finish();
		}).then(function () {
			content.textContent = '';
			content.appendChild(el('h2', { id: 'finished' }, 'You have finished'));
			content.appendChild(el('p', null, outcome().completed
				? 'Your learning platform has your progress. You may close this window.'
				: 'Your progress is saved; come back to complete the course.'));
			content.focus();
		}, function (problem) {
			finished = false;
			say('Your learning platform did not take the end of the session: ' + problem.message);
		});
	}

	function render() {
		content.textContent = '';
		renderOutline();
		if (where === 'quiz' && course.quiz) {
			renderQuiz();
		}
		else if (where === 'none') {
			content.appendChild(el('h2', null, 'This course has no lessons'));
			content.appendChild(pager(null, { label: 'Finish the course', go: finish }));
		}
		else {
			renderLesson(where);
		}
	}

	function resume(saved) {
		if (saved && saved.suspendData) {
			try {
				var kept = JSON.parse(saved.suspendData);
				state.seen = Array.isArray(kept.seen) ? kept.seen.filter(function (i) {
					return i >= 0 && i < course.lessons.length;
				}) : [];
				state.result = kept.result || null;
			}
			catch (ignored) {
				// suspend data another version of the course wrote: start over rather than fail
			}
		}
		if (saved && saved.masteryScore !== null && saved.masteryScore !== undefined && course.quiz) {
			// the LMS may set its own mastery score; it decides then
			masteryScore = saved.masteryScore;
		}
		if (course.lessons.length === 0) {
			return course.quiz ? 'quiz' : 'none';
		}
		var location = saved && saved.location;
		if (location === 'quiz' && course.quiz) {
			return 'quiz';
		}
		var match = /^lesson-(\d+)$/.exec(location || '');
		return match && Number(match[1]) < course.lessons.length ? Number(match[1]) : 0;
	}

	document.title = course.title;
	document.getElementById('course-title').textContent = course.title;
	window.addEventListener('pagehide', function () {
		if (!finished && lms.leave) {
			lms.leave();
		}
	});
	Promise.resolve(lms.start()).then(function (saved) {
		say('Connected to your learning platform (' + lms.name + ').');
		place(resume(saved));
	}, function (problem) {
		say('No learning platform answered (' + problem.message + '): your progress will not be recorded.');
		lms.offline = true;
		place(resume(null));
	});
})();
