package io.stride.packages.export;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An exported package as a download, the same from the page and the API. */
final class ExportDownload {

	private ExportDownload() {
	}

	static ResponseEntity<byte[]> of(CourseExport.Exported exported) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(exported.fileName(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(exported.zip());
	}
}
