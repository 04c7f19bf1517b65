package io.stride.packages.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.packages.scorm.Packages;
import io.stride.packages.scorm.ScormPlayer;
import io.stride.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves a package's files into the sandboxed frame, by the launch token in the path (see
 * {@link PackageContentSecurity}). Every HTML page of the package gets one script first in its head: scorm-again's
 * {@code CrossFrameAPI} as the SCO's {@code API} / {@code API_1484_11}, which talks to the player page by
 * {@code postMessage}, since the SCO cannot reach across the sandbox to find an API in its parent. Its cache starts
 * with the saved data, so a SCO reading its suspend data right after initializing gets it at once.
 */
@Controller
class PackageContent {

	private static final String PREFIX = "/packages/content/";

	private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

	private static final Pattern HTML = Pattern.compile("<html(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

	private final ScormPlayer player;

	private final Packages packages;

	private final JsonMapper json;

	private volatile String crossFrameApi;

	PackageContent(ScormPlayer player, Packages packages, JsonMapper json) {
		this.player = player;
		this.packages = packages;
		this.json = json;
	}

	@GetMapping(PREFIX + "{token}/**")
	void file(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String raw = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length() + token.length());
		String path = UriUtils.decode(raw.startsWith("/") ? raw.substring(1) : raw, StandardCharsets.UTF_8);
		ScormPlayer.Served served = player.content(token, path);
		response.setContentType(served.file().contentType());
		if (!served.html()) {
			response.setContentLengthLong(served.file().size());
			packages.copy(served.packageId(), served.file().path(), response.getOutputStream());
			return;
		}
		byte[] page = inject(packages.read(served.packageId(), served.file().path()), token);
		response.setContentLength(page.length);
		response.getOutputStream().write(page);
	}

	/** Puts the run-time script first in the page's head (or at its start), whatever the page's encoding. */
	static byte[] inject(byte[] page, String token) {
		// ISO-8859-1 maps bytes to characters one to one, so offsets found here are byte offsets
		String text = new String(page, StandardCharsets.ISO_8859_1);
		byte[] script = ("<script src=\"/packages/runtime/" + token + ".js\"></script>").getBytes(StandardCharsets.US_ASCII);
		Matcher head = HEAD.matcher(text);
		int at = 0;
		if (head.find()) {
			at = head.end();
		}
		else {
			Matcher html = HTML.matcher(text);
			if (html.find()) {
				at = html.end();
			}
		}
		byte[] result = new byte[page.length + script.length];
		System.arraycopy(page, 0, result, 0, at);
		System.arraycopy(script, 0, result, at, script.length);
		System.arraycopy(page, at, result, at + script.length, page.length - at);
		return result;
	}

	@GetMapping(path = "/packages/runtime/{token}.js")
	ResponseEntity<String> runtime(@PathVariable String token) {
		ScormPlayer.Launch launch = player.runtime(token);
		String global = launch.standard().runtime().equals("1.2") ? "API" : "API_1484_11";
		String origin = ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
		String script = crossFrameApi() + "\n;(function () {\n  'use strict';\n"
				+ "  var api = new CrossFrameAPI(" + json.writeValueAsString(origin) + ", window.parent);\n"
				+ "  var saved = " + json.writeValueAsString(launch.initialData()) + ";\n"
				// scorm-again's cross-frame API answers from its cache and fills it by messages afterwards; filled
				// now, the SCO's first reads (suspend data, location, entry) are the saved ones, not blanks
				+ "  Object.keys(saved).forEach(function (key) { api._cache.set(key, saved[key]); });\n"
				+ "  window." + global + " = api;\n})();\n";
		return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8)).body(script);
	}

	private String crossFrameApi() {
		String known = crossFrameApi;
		if (known == null) {
			ClassPathResource resource = new ClassPathResource("static/vendor/scorm-again/cross-frame-api.min.js");
			try (InputStream in = resource.getInputStream()) {
				known = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException("scorm-again is missing from static/vendor: build with Maven, which "
						+ "copies it from src/main/frontend (needs Node.js 20+ and npm)", e);
			}
			crossFrameApi = known;
		}
		return known;
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<String> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
			.body("Not found. Open the lesson again in Stride.");
	}
}
