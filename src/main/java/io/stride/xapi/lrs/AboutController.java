package io.stride.xapi.lrs;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The About resource: which xAPI versions this LRS speaks. Open to anyone, without a version header. */
@RestController
@Hidden
class AboutController {

	@GetMapping(path = "/xapi/about", produces = "application/json")
	Map<String, Object> about() {
		return Map.of("version", List.of("1.0.3"), "extensions",
				Map.of("https://stride.example/xapi/extensions/lrs", Map.of("name", "Stride")));
	}
}
