package io.stride.media.web;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media dialog's uploads from a signed-in page (session and CSRF token, as every form): the same service and
 * answers as the API, so that {@code media.js} shows a refusal at its field.
 */
@RestController
class MediaUploadController {

	private final CourseMedia media;

	MediaUploadController(CourseMedia media) {
		this.media = media;
	}

	@PostMapping(path = "/courses/{id}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	MediaApi.Uploaded upload(Viewer me, @PathVariable String id,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "alt", required = false) String alt,
			@RequestParam(name = "decorative", required = false) boolean decorative,
			@RequestParam(name = "title", required = false) String title,
			@RequestPart(name = "captions", required = false) MultipartFile captions,
			@RequestParam(name = "captionsLanguage", required = false) String captionsLanguage) {
		return MediaApi.Uploaded.of(media.keep(me, new CourseId(id),
				MediaUploads.upload(file, alt, decorative, title, captions, captionsLanguage)));
	}

	@PostMapping(path = "/courses/{id}/media/links")
	@ResponseStatus(HttpStatus.CREATED)
	MediaApi.Linked link(Viewer me, @PathVariable String id, @RequestParam(name = "url", required = false) String url,
			@RequestParam(name = "title", required = false) String title) {
		return new MediaApi.Linked(media.link(me, new CourseId(id), url, title));
	}
}
