package io.stride.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small SCORM packages written for the tests, built as zips at run time: a SCORM 1.2 and a SCORM 2004 4th edition
 * package, each with one SCO whose page finds the API as real content does (in its own window, then up its parents),
 * shows what it was started with (entry, suspend data, location) and has buttons that save a bookmark (with or
 * without committing) and finish with a score.
 */
public final class ScormPackages {

	public static final String MANIFEST_12 = """
			<?xml version="1.0" encoding="UTF-8"?>
			<manifest identifier="com.example.safety" version="1"
			    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
			    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
			  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
			  <organizations default="ORG-1">
			    <organization identifier="ORG-1">
			      <title>Ladder safety</title>
			      <item identifier="ITEM-1" identifierref="RES-1" parameters="?chapter=1">
			        <title>Before you climb</title>
			        <adlcp:masteryscore>70</adlcp:masteryscore>
			        <adlcp:datafromlms>mode=full</adlcp:datafromlms>
			      </item>
			      <item identifier="ITEM-2" identifierref="RES-2"><title>Ladder checklist (PDF)</title></item>
			    </organization>
			  </organizations>
			  <resources>
			    <resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="sco/index.html">
			      <file href="sco/index.html"/><file href="sco/sco.js"/>
			    </resource>
			    <resource identifier="RES-2" type="webcontent" adlcp:scormtype="asset" href="sco/checklist.html">
			      <file href="sco/checklist.html"/>
			    </resource>
			  </resources>
			</manifest>
			""";

	public static final String MANIFEST_2004 = """
			<?xml version="1.0" encoding="UTF-8"?>
			<manifest identifier="com.example.forklift" version="1"
			    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
			    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
			    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
			    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
			    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
			  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
			  <organizations default="ORG-1">
			    <organization identifier="ORG-1">
			      <title>Forklift basics</title>
			      <item identifier="ITEM-1" identifierref="RES-1">
			        <title>Daily checks</title>
			        <adlcp:completionThreshold completedByMeasure="false" minProgressMeasure="0.8"/>
			        <imsss:sequencing>
			          <imsss:objectives>
			            <imsss:primaryObjective objectiveID="PRIMARY" satisfiedByMeasure="true">
			              <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
			            </imsss:primaryObjective>
			          </imsss:objectives>
			        </imsss:sequencing>
			      </item>
			      <item identifier="ITEM-2" identifierref="RES-2"><title>Loading</title></item>
			    </organization>
			  </organizations>
			  <resources>
			    <resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" href="index.html">
			      <file href="index.html"/><file href="sco.js"/>
			    </resource>
			    <resource identifier="RES-2" type="webcontent" adlcp:scormType="sco" xml:base="loading/" href="start.html">
			      <file href="start.html"/>
			    </resource>
			  </resources>
			</manifest>
			""";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<title>%s</title>
			</head>
			<body>
			<main>
			<h1>%s</h1>
			<p>Started as: <output id="entry"></output></p>
			<p>Saved progress: <output id="suspend"></output></p>
			<p>Place: <output id="location"></output></p>
			<p>Learner: <output id="learner"></output></p>
			<p>State: <output id="state">loading</output></p>
			<button type="button" id="bookmark">Bookmark page 3</button>
			<button type="button" id="save">Save page 3</button>
			<button type="button" id="finish">Finish with 85%%</button>
			</main>
			<script src="%s"></script>
			</body>
			</html>
			""";

	/** The SCO's script for SCORM 1.2: {@code API}, {@code LMS*} calls, {@code cmi.core.*}. */
	private static final String SCO_12 = """
			function findApi(win) {
			  for (var i = 0; win && i < 10; i++) {
			    try { if (win.API) { return win.API; } } catch (e) { return null; }
			    if (win.parent === win) { break; }
			    win = win.parent;
			  }
			  return null;
			}
			function show(id, text) { document.getElementById(id).textContent = text; }
			var api = findApi(window);
			window.addEventListener('load', function () {
			  if (!api) { show('state', 'no API found'); return; }
			  api.LMSInitialize('');
			  show('entry', api.LMSGetValue('cmi.core.entry'));
			  show('suspend', api.LMSGetValue('cmi.suspend_data'));
			  show('location', api.LMSGetValue('cmi.core.lesson_location'));
			  show('learner', api.LMSGetValue('cmi.core.student_name'));
			  show('state', 'ready');
			  function bookmark() {
			    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
			    api.LMSSetValue('cmi.suspend_data', 'page=3;answers=B,C');
			    api.LMSSetValue('cmi.core.lesson_location', 'page-3');
			    api.LMSSetValue('cmi.core.exit', 'suspend');
			  }
			  document.getElementById('bookmark').addEventListener('click', function () {
			    bookmark();
			    show('state', 'bookmarked');
			  });
			  document.getElementById('save').addEventListener('click', function () {
			    bookmark();
			    show('state', 'saved ' + api.LMSCommit(''));
			  });
			  document.getElementById('finish').addEventListener('click', function () {
			    api.LMSSetValue('cmi.core.score.min', '0');
			    api.LMSSetValue('cmi.core.score.max', '100');
			    api.LMSSetValue('cmi.core.score.raw', '85');
			    api.LMSSetValue('cmi.core.lesson_status', 'passed');
			    api.LMSSetValue('cmi.core.exit', '');
			    api.LMSSetValue('cmi.core.session_time', '0000:02:30.00');
			    api.LMSCommit('');
			    api.LMSFinish('');
			    show('state', 'finished');
			  });
			});
			""";

	/** The SCO's script for SCORM 2004: {@code API_1484_11}, completion and success apart, a scaled score. */
	private static final String SCO_2004 = """
			function findApi(win) {
			  for (var i = 0; win && i < 10; i++) {
			    try { if (win.API_1484_11) { return win.API_1484_11; } } catch (e) { return null; }
			    if (win.parent === win) { break; }
			    win = win.parent;
			  }
			  return null;
			}
			function show(id, text) { document.getElementById(id).textContent = text; }
			var api = findApi(window);
			window.addEventListener('load', function () {
			  if (!api) { show('state', 'no API found'); return; }
			  api.Initialize('');
			  show('entry', api.GetValue('cmi.entry'));
			  show('suspend', api.GetValue('cmi.suspend_data'));
			  show('location', api.GetValue('cmi.location'));
			  show('learner', api.GetValue('cmi.learner_name'));
			  show('state', 'ready');
			  function bookmark() {
			    api.SetValue('cmi.completion_status', 'incomplete');
			    api.SetValue('cmi.suspend_data', 'page=3;answers=B,C');
			    api.SetValue('cmi.location', 'page-3');
			    api.SetValue('cmi.exit', 'suspend');
			  }
			  document.getElementById('bookmark').addEventListener('click', function () {
			    bookmark();
			    show('state', 'bookmarked');
			  });
			  document.getElementById('save').addEventListener('click', function () {
			    bookmark();
			    show('state', 'saved ' + api.Commit(''));
			  });
			  document.getElementById('finish').addEventListener('click', function () {
			    api.SetValue('cmi.score.scaled', '0.85');
			    api.SetValue('cmi.score.raw', '85');
			    api.SetValue('cmi.score.max', '100');
			    api.SetValue('cmi.completion_status', 'completed');
			    api.SetValue('cmi.success_status', 'passed');
			    api.SetValue('cmi.exit', 'normal');
			    api.SetValue('cmi.session_time', 'PT2M30S');
			    api.Commit('');
			    api.Terminate('');
			    show('state', 'finished');
			  });
			});
			""";

	private ScormPackages() {
	}

	/** "Ladder safety": one SCO (sco/index.html, mastery score 70) and one asset. */
	public static Map<String, String> scorm12Files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("imsmanifest.xml", MANIFEST_12);
		files.put("sco/index.html", PAGE.formatted("Before you climb", "Before you climb", "sco.js"));
		files.put("sco/sco.js", SCO_12);
		files.put("sco/checklist.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Checklist</title></head>"
				+ "<body><h1>Checklist</h1></body></html>");
		return files;
	}

	/** "Forklift basics": two SCOs, the first with a completion threshold and a passing score. */
	public static Map<String, String> scorm2004Files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("imsmanifest.xml", MANIFEST_2004);
		files.put("index.html", PAGE.formatted("Daily checks", "Daily checks", "sco.js"));
		files.put("sco.js", SCO_2004);
		files.put("loading/start.html", PAGE.formatted("Loading", "Loading", "../sco.js"));
		return files;
	}

	public static byte[] scorm12() {
		return zip(scorm12Files());
	}

	public static byte[] scorm2004() {
		return zip(scorm2004Files());
	}

	public static byte[] zip(Map<String, String> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}
}
