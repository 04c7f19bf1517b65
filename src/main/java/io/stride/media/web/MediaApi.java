package io.stride.media.web;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.media.MediaInLessons;
import io.stride.media.MediaItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Media", description = "Images and videos in lessons: upload, link, list, delete. Files are read at /media/{id}.")
@SecurityRequirement(name = "bearer")
class MediaApi {

	private final CourseMedia media;

	private final MediaInLessons inLessons;

	MediaApi(CourseMedia media, MediaInLessons inLessons) {
		this.media = media;
		this.inLessons = inLessons;
	}

	/** An uploaded file and the Markdown that shows it in a lesson. */
	record Uploaded(String id, String kind, String markdown, Integer width, Integer height, long bytes, String alt,
			boolean decorative, String title, String contentType, String captionsId, String captionsLanguage,
			Instant uploadedAt, @Schema(description = "how the file was kept otherwise than sent, e.g. an "
					+ "animated GIF too large to keep moving keeps its first frame; null when as sent") String note) {

		static Uploaded of(MediaItem m) {
			return of(m, null);
		}

		static Uploaded of(MediaItem m, String note) {
			return new Uploaded(m.id(), m.kind().name(), m.markdown(), m.width(), m.height(), m.bytes(),
					m.decorative() ? null : m.alt(), m.decorative(), m.title(), m.contentType(), m.captionsMediaId(),
					m.captionsLanguage(), m.uploadedAt(), note);
		}

		static Uploaded of(CourseMedia.Kept kept) {
			return of(kept.item(), kept.note());
		}
	}

	record Lesson(String id, String title) {

		static List<Lesson> of(List<MediaInLessons.Use> uses) {
			return uses.stream().map(u -> new Lesson(u.lessonId(), u.lessonTitle())).toList();
		}
	}

	record Version(String courseId, String courseTitle, int version) {
	}

	/** A file and where it is shown: the draft's lessons and published versions (it may be deleted when neither). */
	record Placed(Uploaded file, List<Lesson> lessons, List<Version> published, boolean deletable) {

		static Placed of(MediaInLessons.Placed p) {
			return new Placed(Uploaded.of(p.item()), Lesson.of(p.lessons()),
					p.published().stream().map(v -> new Version(v.courseId().value(), v.courseTitle(), v.version())).toList(),
					p.deletable());
		}
	}

	record AltBody(String alt, Boolean decorative) {
	}

	record Described(Uploaded file, List<Lesson> lessonsChanged, List<Lesson> lessonsKept, String whyKept) {
	}

	record LinkBody(String url, String title) {
	}

	record Linked(String markdown) {
	}

	record Page(List<Uploaded> items, int page, int size, int total) {
	}

	@PostMapping(path = "/api/v1/courses/{id}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload an image (PNG, JPEG, GIF, WebP; alt text required unless decorative=true; turned upright "
			+ "by its EXIF orientation, resized to stride.media.max-image-width and written again without its metadata, "
			+ "with narrower copies at 480 and 960 px served as /media/{id}?w=480; an animated GIF keeps moving up to 150 "
			+ "frames and 4 MB, otherwise keeps its first frame and says so in note) or a video (MP4, WebM; a WebVTT "
			+ "captions file required, its language in captionsLanguage, default en). 422 at file, alt, captions, "
			+ "captionsLanguage or title; 404 for a course the caller may not see; 403 for a published course the "
			+ "caller may not change.")
	Uploaded upload(Viewer me, @PathVariable String id,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@Parameter(description = "the image's alt text") @RequestParam(name = "alt", required = false) String alt,
			@Parameter(description = "true for an image that only decorates (read out as nothing)") @RequestParam(name = "decorative", required = false) boolean decorative,
			@RequestParam(name = "title", required = false) String title,
			@RequestPart(name = "captions", required = false) MultipartFile captions,
			@Parameter(description = "the captions' language, a BCP 47 tag such as en, de or pt-BR (default en)") @RequestParam(name = "captionsLanguage", required = false) String captionsLanguage) {
		return Uploaded.of(media.keep(me, new CourseId(id),
				MediaUploads.upload(file, alt, decorative, title, captions, captionsLanguage)));
	}

	@PostMapping("/api/v1/courses/{id}/media/links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Markdown for a video hosted elsewhere (https only): a \"Watch on …\" link; no player is "
			+ "embedded. 422 at url or title.")
	Linked link(Viewer me, @PathVariable String id, @RequestBody LinkBody body) {
		return new Linked(media.link(me, new CourseId(id), body == null ? null : body.url(),
				body == null ? null : body.title()));
	}

	@GetMapping("/api/v1/courses/{id}/media")
	@Operation(summary = "A course's images and videos, newest first, for its editors and reviewers; page from 1, size up to 100.")
	Page list(Viewer me, @PathVariable String id, @RequestParam(name = "page", defaultValue = "1") int page,
			@RequestParam(name = "size", defaultValue = "20") int size) {
		CourseMedia.Listed listed = media.list(me, new CourseId(id), page, size);
		return new Page(listed.items().stream().map(Uploaded::of).toList(), listed.page(), listed.size(), listed.total());
	}

	@GetMapping("/api/v1/courses/{id}/media/{mediaId}")
	@Operation(summary = "One image or video of the course and where it is shown: the draft's lessons and published "
			+ "versions (deletable when neither). For the course's editors; 404 otherwise.")
	Placed one(Viewer me, @PathVariable String id, @PathVariable String mediaId) {
		return Placed.of(inLessons.one(me, new CourseId(id), mediaId));
	}

	@PutMapping("/api/v1/courses/{id}/media/{mediaId}/alt")
	@Operation(summary = "Change an image's alt text (required unless decorative=true); the draft's lessons showing the "
			+ "image get it too, except lessons linked to their source; published versions keep theirs. 422 at alt.")
	Described describe(Viewer me, @PathVariable String id, @PathVariable String mediaId, @RequestBody AltBody body) {
		MediaInLessons.Described described = inLessons.describe(me, new CourseId(id), mediaId,
				body == null ? null : body.alt(), body != null && Boolean.TRUE.equals(body.decorative()));
		return new Described(Uploaded.of(described.item()), Lesson.of(described.lessonsChanged()),
				Lesson.of(described.lessonsKept()), described.whyKept());
	}

	@DeleteMapping("/api/v1/courses/{id}/media/{mediaId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an image or a video (with its captions). 409 while a published version or a lesson "
			+ "of the draft shows it.")
	void delete(Viewer me, @PathVariable String id, @PathVariable String mediaId) {
		media.delete(me, new CourseId(id), mediaId);
	}
}
