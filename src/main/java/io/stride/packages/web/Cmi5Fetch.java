package io.stride.packages.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.packages.cmi5.Cmi5Launches;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fetch URL of a cmi5 launch (cmi5 §8.2): a POST answers the session's auth-token once; any later call, or a key
 * never issued, gets cmi5's error body instead ({@code error-code} 1, "already in use", or 2). Called by the AU from
 * its sandbox, with no cookie, so the key in the path is the only credential (see {@link Cmi5FetchSecurity}).
 * Described by the cmi5 specification, not in Stride's OpenAPI.
 */
@RestController
@Hidden
class Cmi5Fetch {

	private final Cmi5Launches launches;

	Cmi5Fetch(Cmi5Launches launches) {
		this.launches = launches;
	}

	@PostMapping(path = "/packages/cmi5/fetch/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> fetch(@PathVariable String key) {
		Map<String, String> body = new LinkedHashMap<>();
		launches.fetch(key).ifPresentOrElse(token -> body.put("auth-token", token), () -> {
			body.put("error-code", "1");
			body.put("error-text", "This fetch URL was used already, or its session is over; launch the AU again.");
		});
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}
}
