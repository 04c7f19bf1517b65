package io.stride.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cmi5 course written for the tests: one AU (moveOn CompletedAndPassed, masteryScore 0.8) whose page does what an
 * AU does at launch (cmi5 §8): reads the launch parameters, POSTs the fetch URL for its auth-token, reads
 * LMS.LaunchData from the State resource and sends initialized; its "Finish" button sends completed, passed (score
 * 0.9) and terminated, each with the context template. It shows where it is in {@code #state}.
 */
public final class Cmi5Packages {

	public static final String COURSE_ID = "https://courses.example/cmi5/ladder";

	public static final String AU_ID = "https://courses.example/cmi5/ladder/au/before-you-climb";

	public static String courseStructure(String auUrl, String auAttributes) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
				  <course id="%s">
				    <title><langstring lang="en-US">Ladder safety (cmi5)</langstring></title>
				    <description><langstring lang="en-US">Climbing a ladder safely.</langstring></description>
				  </course>
				  <block id="https://courses.example/cmi5/ladder/block/1">
				    <title><langstring lang="en-US">Basics</langstring></title>
				    <description><langstring lang="en-US">The basics.</langstring></description>
				    <au id="%s" %s>
				      <title><langstring lang="en-US">Before you climb</langstring></title>
				      <description><langstring lang="en-US">What to check first.</langstring></description>
				      <url>%s</url>
				      <launchParameters>mode=full</launchParameters>
				    </au>
				  </block>
				</courseStructure>
				""".formatted(COURSE_ID, AU_ID, auAttributes, auUrl).strip();
	}

	public static Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("cmi5.xml", courseStructure("au/index.html?chapter=1",
				"moveOn=\"CompletedAndPassed\" masteryScore=\"0.8\""));
		files.put("au/index.html", INDEX);
		files.put("au/au.js", SCRIPT);
		return files;
	}

	public static byte[] zip() {
		return ScormPackages.zip(files());
	}

	public static byte[] bare(String xml) {
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static final String INDEX = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><title>Before you climb</title></head>
			<body>
			<main>
			  <h1>Before you climb</h1>
			  <p>State: <output id="state">loading</output></p>
			  <p>Launch mode: <output id="mode"></output>, move on: <output id="move-on"></output></p>
			  <button type="button" id="finish" disabled>Finish</button>
			</main>
			<script src="au.js"></script>
			</body>
			</html>
			""";

	private static final String SCRIPT = """
			(function () {
			  'use strict';
			  var query = new URLSearchParams(window.location.search);
			  var endpoint = query.get('endpoint');
			  var actor = JSON.parse(query.get('actor'));
			  var registration = query.get('registration');
			  var activityId = query.get('activityId');
			  var state = document.getElementById('state');
			  var headers;
			  var template;
			  function show(text) { state.textContent = text; }
			  function statement(verb, result) {
			    var context = JSON.parse(JSON.stringify(template));
			    context.registration = registration;
			    context.contextActivities = context.contextActivities || {};
			    context.contextActivities.category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
			    var s = { actor: actor, verb: { id: verb }, object: { objectType: 'Activity', id: activityId },
			      context: context, timestamp: new Date().toISOString() };
			    if (result) { s.result = result; }
			    return s;
			  }
			  function send(s) {
			    return fetch(endpoint + 'statements', { method: 'POST', headers: headers, body: JSON.stringify(s) })
			      .then(function (r) { if (!r.ok) { return r.text().then(function (t) { throw new Error(r.status + ' ' + t); }); } });
			  }
			  fetch(query.get('fetch'), { method: 'POST' })
			    .then(function (r) { return r.json(); })
			    .then(function (answer) {
			      headers = { Authorization: 'Basic ' + answer['auth-token'], 'X-Experience-API-Version': '1.0.3',
			        'Content-Type': 'application/json' };
			      return fetch(endpoint + 'activities/state?stateId=LMS.LaunchData&activityId=' + encodeURIComponent(activityId)
			        + '&agent=' + encodeURIComponent(JSON.stringify(actor)) + '&registration=' + encodeURIComponent(registration),
			        { headers: headers });
			    })
			    .then(function (r) { return r.json(); })
			    .then(function (launchData) {
			      template = launchData.contextTemplate;
			      document.getElementById('mode').textContent = launchData.launchMode;
			      document.getElementById('move-on').textContent = launchData.moveOn;
			      return send(statement('http://adlnet.gov/expapi/verbs/initialized'));
			    })
			    .then(function () { show('initialized'); document.getElementById('finish').disabled = false; })
			    .catch(function (e) { show('error: ' + e.message); });
			  document.getElementById('finish').addEventListener('click', function () {
			    send(statement('http://adlnet.gov/expapi/verbs/completed', { completion: true, duration: 'PT2M' }))
			      .then(function () { return send(statement('http://adlnet.gov/expapi/verbs/passed',
			        { success: true, score: { scaled: 0.9 }, duration: 'PT2M' })); })
			      .then(function () { return send(statement('http://adlnet.gov/expapi/verbs/terminated', { duration: 'PT2M' })); })
			      .then(function () { show('finished'); })
			      .catch(function (e) { show('error: ' + e.message); });
			  });
			}());
			""";

	private Cmi5Packages() {
	}
}
