package io.stride.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.media.MediaItem;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves uploaded files to whoever may read them ({@link CourseMedia#read}): with the content type Stride checked
 * (never sniffed), privately cached with an ETag, and in ranges (206) so that a player can seek in a video.
 */
@Controller
class MediaFiles {

	private final CourseMedia media;

	MediaFiles(CourseMedia media) {
		this.media = media;
	}

	@GetMapping("/media/{id}")
	ResponseEntity<Resource> file(Viewer me, @PathVariable String id,
			@RequestParam(name = "w", required = false) String w,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		// srcset asks for a width; anything else in w is the image itself, not an error page in an <img>
		Integer width = w != null && w.matches("[1-9][0-9]{0,4}") ? Integer.valueOf(w) : null;
		return send(media.read(me, id, false, width), ifNoneMatch);
	}

	@GetMapping("/media/{id}/captions")
	ResponseEntity<Resource> captions(Viewer me, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return send(media.read(me, id, true), ifNoneMatch);
	}

	private static ResponseEntity<Resource> send(CourseMedia.Readable readable, String ifNoneMatch) {
		MediaItem item = readable.item();
		String etag = "\"" + item.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setContentDisposition(ContentDisposition.inline().filename(item.fileName()).build());
		// a file is never a page: nothing in it may run, even if a browser were asked to render it
		headers.set("Content-Security-Policy", "default-src 'none'; media-src 'self'; img-src 'self'; sandbox");
		if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag) || ifNoneMatch.equals("*"))) {
			return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
		}
		headers.setContentType(MediaType.parseMediaType(item.contentType()));
		headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
		return new ResponseEntity<>(new Stored(readable), headers, HttpStatus.OK);
	}

	/** The stored bytes as a resource whose length is known, so that Spring can answer ranges from it. */
	private static final class Stored extends AbstractResource {

		private final CourseMedia.Readable readable;

		Stored(CourseMedia.Readable readable) {
			this.readable = readable;
		}

		@Override
		public String getDescription() {
			return "media " + readable.item().id();
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return readable.open(0);
		}

		@Override
		public long contentLength() {
			return readable.item().bytes();
		}

		@Override
		public String getFilename() {
			return readable.item().fileName();
		}

		@Override
		public boolean isFile() {
			return false;
		}
	}
}
