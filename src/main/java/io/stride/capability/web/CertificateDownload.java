package io.stride.capability.web;

import java.nio.charset.StandardCharsets;

import io.stride.capability.CapabilityProfiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A certificate's file as a download, never shown inline: it is whatever someone uploaded, so the browser must
 * neither render it in Stride's origin nor guess another type for it.
 */
final class CertificateDownload {

	private CertificateDownload() {
	}

	static ResponseEntity<byte[]> of(CapabilityProfiles.CertificateFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.body(file.content());
	}
}
