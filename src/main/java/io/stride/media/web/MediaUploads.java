package io.stride.media.web;

import io.stride.media.CourseMedia;
import org.springframework.web.multipart.MultipartFile;

/** A multipart upload as the media service takes it. */
final class MediaUploads {

	private MediaUploads() {
	}

	static CourseMedia.Upload upload(MultipartFile file, String alt, boolean decorative, String title,
			MultipartFile captions, String captionsLanguage) {
		return new CourseMedia.Upload(of(file), alt, decorative, title, of(captions), captionsLanguage);
	}

	private static CourseMedia.UploadedFile of(MultipartFile file) {
		return file == null || file.isEmpty() ? null
				: new CourseMedia.UploadedFile(file.getOriginalFilename(), file.getSize(), file);
	}
}
