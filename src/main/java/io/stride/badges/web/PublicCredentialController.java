package io.stride.badges.web;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.stride.badges.Credentials;
import io.stride.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public side of a credential, open without signing in: the verification page, the signed JSON (stable at
 * {@code /badges/credentials/{id}.json}, or the page's own URL asked for JSON) and the badge's image. They show what
 * the credential itself says, the earner's name and the revocation, nothing else.
 */
@Controller
class PublicCredentialController {

	static final MediaType VC = MediaType.parseMediaType("application/vc+ld+json");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

	private final Credentials credentials;

	PublicCredentialController(Credentials credentials) {
		this.credentials = credentials;
	}

	@GetMapping("/badges/credentials/{id}")
	String page(@PathVariable String id, Model model) {
		Credentials.Verification v = credentials.verify(id).orElseThrow(() -> new NotFoundException("Credential"));
		model.addAttribute("credential", v);
		model.addAttribute("issuedOn", DAY.format(v.issuedAt()));
		model.addAttribute("revokedOn", v.revokedAt() == null ? null : DAY.format(v.revokedAt()));
		model.addAttribute("shareUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/badges/credentials/{id}")
			.buildAndExpand(v.id())
			.toUriString());
		return "badges/credential";
	}

	@GetMapping(value = "/badges/credentials/{id}", produces = { "application/vc+ld+json", "application/ld+json",
			MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<String> negotiated(@PathVariable String id) {
		return json(id);
	}

	@GetMapping("/badges/credentials/{id}.json")
	ResponseEntity<String> json(@PathVariable String id) {
		String json = credentials.json(id).orElseThrow(() -> new NotFoundException("Credential"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "inline; filename=\"badge-" + id + ".json\"")
			.body(json);
	}

	@GetMapping("/badges/{id}/image.svg")
	ResponseEntity<String> image(@PathVariable String id) {
		String svg = credentials.image(id).orElseThrow(() -> new NotFoundException("Badge"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.header("Content-Security-Policy", "default-src 'none'")
			.body(svg);
	}
}
