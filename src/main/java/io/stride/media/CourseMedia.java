package io.stride.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.Lesson;
import io.stride.authoring.LessonFiles;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.media.internal.Images;
import io.stride.media.internal.MediaItems;
import io.stride.media.internal.MediaStore;
import io.stride.media.internal.MediaStores;
import io.stride.media.internal.Videos;
import io.stride.media.internal.WebVtt;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A course's images and videos: uploaded by the course's editors, listed for them and its reviewers, read by whoever
 * may read a version that shows them, and deleted only while no published version shows them.
 */
@Service
public class CourseMedia implements LessonFiles {

	/** An address of a file in Markdown; the id is what {@code /media/{id}} serves. */
	private static final Pattern IN_MARKDOWN = Pattern.compile("\\(/media/([A-Za-z0-9-]{1,64})[\\s)\"]");

	private static final long MAX_CAPTIONS_BYTES = 1024 * 1024;

	private final Authoring authoring;

	private final MediaItems items;

	private final MediaStores stores;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Organization organization;

	private final TransactionTemplate ownTransaction;

	private final long maxImageBytes;

	private final long maxVideoBytes;

	private final int maxWidth;

	private final long maxPixels;

	/** The language a video's captions are taken to be in when the author does not say: the organization's. */
	private final String captionsLanguage;

	CourseMedia(Authoring authoring, MediaItems items, MediaStores stores, ApplicationEventPublisher events, Clock clock,
			Organization organization, PlatformTransactionManager transactions,
			@Value("${stride.media.max-image-bytes:10MB}") DataSize maxImageBytes,
			@Value("${stride.media.max-video-bytes:200MB}") DataSize maxVideoBytes,
			@Value("${stride.media.max-image-width:1600}") int maxWidth,
			@Value("${stride.media.max-image-pixels:40000000}") long maxPixels,
			@Value("${stride.media.captions-language:en}") String captionsLanguage) {
		this.authoring = authoring;
		this.items = items;
		this.stores = stores;
		this.events = events;
		this.clock = clock;
		this.organization = organization;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(
				TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.maxImageBytes = maxImageBytes.toBytes();
		this.maxVideoBytes = maxVideoBytes.toBytes();
		this.maxWidth = maxWidth;
		this.maxPixels = maxPixels;
		this.captionsLanguage = captionsLanguage;
	}

	/** A file as it came: its name as the client gave it, its size and its bytes. */
	public record UploadedFile(String name, long size, InputStreamSource content) {
	}

	/**
	 * What an author sends: the file, an image's alt text (or {@code decorative}), a title (a video's is read out as
	 * its name) and a video's captions.
	 */
	public record Upload(UploadedFile file, String alt, boolean decorative, String title, UploadedFile captions,
			String captionsLanguage) {

		/** An upload whose captions (if any) are in the organization's language (stride.media.captions-language). */
		public Upload(UploadedFile file, String alt, boolean decorative, String title, UploadedFile captions) {
			this(file, alt, decorative, title, captions, null);
		}
	}

	/** A kept file, and what the author should know about how it was kept (null when nothing). */
	public record Kept(MediaItem item, String note) {
	}

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

	/** Checks and keeps an image or a video of a course; bad input is refused at its field and nothing is kept. */
	@Transactional
	public MediaItem upload(Viewer author, CourseId courseId, Upload upload) {
		return keep(author, courseId, upload).item();
	}

	/**
	 * Like {@link #upload}, with a note for the author when the file was kept otherwise than sent (an animated GIF
	 * too large to keep moving keeps its first frame).
	 */
	@Transactional
	public Kept keep(Viewer author, CourseId courseId, Upload upload) {
		Course course = authoring.editable(author, courseId);
		Map<String, String> errors = new LinkedHashMap<>();
		String title = trimmed(upload.title());
		if (title != null && title.length() > 300) {
			errors.put("title", "A title may have at most 300 characters.");
		}
		UploadedFile file = upload.file();
		if (file == null || file.size() == 0) {
			errors.put("file", "Choose an image (PNG, JPEG, GIF or WebP) or a video (MP4 or WebM) to upload.");
			throw new InvalidInputException("Nothing was uploaded.", errors);
		}
		byte[] head = head(file);
		if (Videos.looksLikeImage(head)) {
			return image(author, course, upload, title, errors);
		}
		String videoType = Videos.contentType(head);
		if (videoType != null) {
			return new Kept(video(author, course, upload, title, videoType, errors), null);
		}
		errors.put("file", "Upload a PNG, JPEG, GIF or WebP image, or an MP4 or WebM video"
				+ (ending(file.name()).equals("svg") ? " (SVG images are not taken: they can carry scripts; export a PNG)." : "."));
		throw new InvalidInputException("Nothing was uploaded.", errors);
	}

	private Kept image(Viewer author, Course course, Upload upload, String title, Map<String, String> errors) {
		String alt = trimmed(upload.alt());
		if (alt == null && !upload.decorative()) {
			errors.put("alt", "Describe the image for people who cannot see it (alt text), or mark it as decorative.");
		}
		else if (alt != null && alt.length() > 1000) {
			errors.put("alt", "Alt text may have at most 1,000 characters; put longer descriptions in the lesson text.");
		}
		if (upload.file().size() > maxImageBytes) {
			errors.put("file", "This image is " + MediaItem.inWords(upload.file().size()) + "; images may be at most "
					+ MediaItem.inWords(maxImageBytes) + ".");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nothing was uploaded.", errors);
		}
		Path staged = stage(upload.file(), maxImageBytes, "file");
		try {
			Images.Written image = Images.prepare(staged, upload.file().name(), maxWidth, maxPixels);
			Files.write(staged, image.bytes());
			String sha = sha256(staged);
			MediaStore store = stores.current();
			items.lockBytes(sha);
			store.put(sha, staged);
			MediaItem item = new MediaItem(Ids.newId(), course.id(), MediaKind.IMAGE, image.contentType(),
					image.bytes().length, image.width(), image.height(), upload.decorative() ? "" : alt,
					upload.decorative() && alt == null, title, null, sha, safeName(upload.file().name(), image.contentType()),
					store.name(), author.id(), clock.instant(), null);
			items.insert(item);
			for (Images.Written narrower : image.narrower()) {
				Files.write(staged, narrower.bytes());
				String narrowerSha = sha256(staged);
				items.lockBytes(narrowerSha);
				store.put(narrowerSha, staged);
				items.insertWidth(item.id(), new MediaItems.Width(narrower.width(), narrower.height(),
						narrower.bytes().length, narrowerSha));
			}
			events.publishEvent(new MediaUploaded(course.id(), course.title(), item.id(), item.kind(), item.bytes(), author.id()));
			return new Kept(item, image.note());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			deleteQuietly(staged);
		}
	}

	private MediaItem video(Viewer author, Course course, Upload upload, String title, String contentType,
			Map<String, String> errors) {
		UploadedFile file = upload.file();
		if (file.size() > maxVideoBytes) {
			errors.put("file", "This video is " + MediaItem.inWords(file.size()) + "; videos may be at most "
					+ MediaItem.inWords(maxVideoBytes) + ". Shorten it, lower its resolution, or link to it where it is hosted.");
		}
		else if (!ending(file.name()).isEmpty() && !Videos.endings(contentType).contains(ending(file.name()))) {
			errors.put("file", "This file is named ." + ending(file.name()) + " but holds a "
					+ (contentType.equals("video/mp4") ? "MP4" : "WebM") + " video; rename it, then upload it.");
		}
		String language = trimmed(upload.captionsLanguage());
		language = language == null ? captionsLanguage : language;
		if (!LANGUAGE.matcher(language).matches()) {
			errors.put("captionsLanguage", "Give the captions' language as a language tag, such as en, de or pt-BR.");
		}
		byte[] vtt = null;
		UploadedFile captions = upload.captions();
		if (captions == null || captions.size() == 0) {
			errors.put("captions", "A video needs a captions file (WebVTT, .vtt), so that people who cannot hear it can follow.");
		}
		else if (captions.size() > MAX_CAPTIONS_BYTES) {
			errors.put("captions", "The captions file is " + MediaItem.inWords(captions.size())
					+ "; captions may be at most " + MediaItem.inWords(MAX_CAPTIONS_BYTES) + ".");
		}
		else {
			try (InputStream in = captions.content().getInputStream()) {
				vtt = in.readNBytes((int) MAX_CAPTIONS_BYTES + 1);
				WebVtt.check(vtt);
			}
			catch (InvalidInputException invalid) {
				errors.putAll(invalid.fieldErrors());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nothing was uploaded.", errors);
		}
		Path staged = stage(file, maxVideoBytes, "file");
		Path stagedCaptions = null;
		try {
			String sha = sha256(staged);
			MediaStore store = stores.current();
			items.lockBytes(sha);
			store.put(sha, staged);
			stagedCaptions = Files.createTempFile("stride-captions-", ".vtt");
			Files.write(stagedCaptions, vtt);
			String captionsSha = sha256(stagedCaptions);
			items.lockBytes(captionsSha);
			store.put(captionsSha, stagedCaptions);
			MediaItem captionsItem = new MediaItem(Ids.newId(), course.id(), MediaKind.CAPTIONS, "text/vtt; charset=utf-8",
					vtt.length, null, null, null, false, title, null, captionsSha, safeName(captions.name(), "text/vtt"),
					store.name(), author.id(), clock.instant(), language);
			items.insert(captionsItem);
			MediaItem item = new MediaItem(Ids.newId(), course.id(), MediaKind.VIDEO, contentType, Files.size(staged),
					null, null, null, false, title, captionsItem.id(), sha, safeName(file.name(), contentType), store.name(),
					author.id(), clock.instant(), language);
			items.insert(item);
			events.publishEvent(new MediaUploaded(course.id(), course.title(), item.id(), item.kind(), item.bytes(), author.id()));
			return item;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			deleteQuietly(staged);
			deleteQuietly(stagedCaptions);
		}
	}

	/** Hosts whose links are shown as "Watch on …" (no player from them is embedded: the pages' CSP allows none). */
	private static final Map<String, String> VIDEO_HOSTS = Map.of("youtube.com", "YouTube", "www.youtube.com", "YouTube",
			"youtu.be", "YouTube", "m.youtube.com", "YouTube", "vimeo.com", "Vimeo", "www.vimeo.com", "Vimeo",
			"player.vimeo.com", "Vimeo");

	/** The Markdown for a video hosted elsewhere: a link that says where it goes. Only https links are taken. */
	public String link(Viewer author, CourseId courseId, String url, String title) {
		authoring.editable(author, courseId);
		Map<String, String> errors = new LinkedHashMap<>();
		String address = trimmed(url);
		URI uri = null;
		try {
			uri = address == null ? null : new URI(address);
		}
		catch (URISyntaxException malformed) {
			// reported below
		}
		if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
				|| uri.getRawUserInfo() != null || address.length() > 2000) {
			errors.put("url", "Give the video's https:// address (for example https://www.youtube.com/watch?v=…).");
		}
		String name = trimmed(title);
		if (name != null && name.length() > 300) {
			errors.put("title", "A title may have at most 300 characters.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nothing was added.", errors);
		}
		String host = VIDEO_HOSTS.getOrDefault(uri.getHost().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT));
		String text = "Watch on " + host + (name == null ? "" : ": " + name);
		return "[" + text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]") + "](<"
				+ uri.toASCIIString().replace("<", "%3C").replace(">", "%3E") + ">)";
	}

	public record Listed(List<MediaItem> items, int page, int size, int total) {
	}

	/** A course's images and videos, newest first, for its editors and reviewers. */
	@Transactional(readOnly = true)
	public Listed list(Viewer viewer, CourseId courseId, int page, int size) {
		authoring.editableOrReviewable(viewer, courseId);
		int p = Math.max(1, page);
		int s = Math.min(100, Math.max(1, size));
		return new Listed(items.ofCourse(courseId, (p - 1) * s, s), p, s, items.countOfCourse(courseId));
	}

	/**
	 * Deletes a file (a video with its captions). Refused while a published version shows it (learners still read that
	 * version) or a lesson of the draft does (it would show a broken image).
	 */
	@Transactional
	public void delete(Viewer author, CourseId courseId, String mediaId) {
		Course course = authoring.editable(author, courseId);
		MediaItem item = items.find(mediaId)
			.filter(m -> m.courseId().equals(course.id()) && m.kind() != MediaKind.CAPTIONS)
			.orElseThrow(() -> new NotFoundException("Media"));
		var shown = items.shownIn(item.id());
		if (!shown.isEmpty()) {
			var first = shown.getFirst();
			throw new ConflictException("A published version (version " + first.version()
					+ (first.courseId().equals(course.id()) ? " of this course" : " of another course") + ") shows this file, "
					+ "and its learners still read it; it cannot be deleted.");
		}
		for (Lesson lesson : course.lessons()) {
			if (mediaIn(lesson.markdown()).contains(item.id())) {
				throw new ConflictException("The lesson \"" + lesson.title()
						+ "\" shows this file; take it out of the lesson first, then delete it.");
			}
		}
		List<MediaItems.Width> widths = items.widths(item.id());
		items.delete(item.id());
		forget(item);
		widths.forEach(w -> forget(item.storage(), w.sha256()));
		if (item.captionsMediaId() != null) {
			items.find(item.captionsMediaId()).ifPresent(captions -> {
				items.delete(captions.id());
				forget(captions);
			});
		}
		events.publishEvent(new MediaDeleted(course.id(), course.title(), item.id(), item.kind(), author.id()));
	}

	/**
	 * Removes the bytes once no file keeps them, holding their lock row ({@link MediaItems#lockBytes}) while it counts
	 * and removes: an upload of the same bytes waits for this to commit and then stores them again, or this waits for
	 * the upload and then counts its file. Bytes in the database go in this transaction; a directory's after it
	 * commits, in a transaction of its own that takes the same lock.
	 */
	private void forget(MediaItem item) {
		forget(item.storage(), item.sha256());
	}

	/** Removes the bytes {@code sha256} (the file's own, or a narrower copy's) in the file's store once unused. */
	private void forget(String storage, String sha256) {
		Runnable remove = () -> {
			items.lockBytes(sha256);
			if (items.usingBytes(sha256, storage) == 0) {
				try {
					stores.named(storage).delete(sha256);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		};
		if ("DATABASE".equals(storage) || !TransactionSynchronizationManager.isSynchronizationActive()) {
			remove.run();
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ownTransaction.executeWithoutResult(status -> remove.run());
				}
			});
		}
	}

	/** A file to send: what it is, and where its bytes are. */
	public record Readable(MediaItem item, MediaStore store) {

		public InputStream open(long start) throws IOException {
			return store.open(item.sha256(), start);
		}
	}

	/**
	 * A file for this viewer, or 404: anyone signed in reads a file a live published course shows (as they may read
	 * the course), a learner pinned to a retired one still does, and its editors and reviewers read every file of the
	 * course. {@code captions} asks for a video's captions.
	 */
	@Transactional(readOnly = true)
	public Readable read(Viewer viewer, String mediaId, boolean captions) {
		return read(viewer, mediaId, captions, null);
	}

	/**
	 * Like {@link #read(Viewer, String, boolean)}; for an image, {@code width} asks for the narrowest copy at least
	 * that wide (the image itself when none is), as srcset asks.
	 */
	@Transactional(readOnly = true)
	public Readable read(Viewer viewer, String mediaId, boolean captions, Integer width) {
		if (!Ids.looksValid(mediaId)) {
			throw new NotFoundException("Media");
		}
		MediaItem item = items.find(mediaId).filter(m -> m.kind() != MediaKind.CAPTIONS)
			.orElseThrow(() -> new NotFoundException("Media"));
		if (!mayRead(viewer, item)) {
			throw new NotFoundException("Media");
		}
		if (captions) {
			item = item.captionsMediaId() == null ? null : items.find(item.captionsMediaId()).orElse(null);
			if (item == null) {
				throw new NotFoundException("Captions");
			}
		}
		else if (width != null && item.kind() == MediaKind.IMAGE && item.width() != null && width < item.width()) {
			for (MediaItems.Width narrower : items.widths(item.id())) {
				if (narrower.width() >= width) {
					item = new MediaItem(item.id(), item.courseId(), item.kind(), item.contentType(), narrower.bytes(),
							narrower.width(), narrower.height(), item.alt(), item.decorative(), item.title(), null,
							narrower.sha256(), item.fileName(), item.storage(), item.uploadedBy(), item.uploadedAt(), null);
					break;
				}
			}
		}
		return new Readable(item, stores.named(item.storage()));
	}

	private boolean mayRead(Viewer viewer, MediaItem item) {
		Set<CourseId> showing = new LinkedHashSet<>();
		items.shownIn(item.id()).forEach(s -> showing.add(s.courseId()));
		if (!showing.isEmpty()) {
			var current = authoring.currentVersions(showing);
			if (current.values().stream().anyMatch(v -> !v.retired())) {
				return true;
			}
			if (!authoring.pins(List.of(viewer.id()), showing).isEmpty()) {
				return true;
			}
		}
		try {
			authoring.editableOrReviewable(viewer, item.courseId());
			return true;
		}
		catch (NotFoundException notTheirs) {
			return false;
		}
	}

	/**
	 * The files a newly published version shows are recorded, so that its learners may read them: only the course's
	 * own files and files the course's author or its publisher may show (files of a course they edit, or files a live
	 * published version shows already, as a reused lesson's). Another course's draft file is not recorded, so it
	 * stays its course's own: not read by this course's learners, and still deleted by its editors.
	 */
	@EventListener
	void on(CoursePublished published) {
		authoring.publishedVersion(published.courseId(), published.version()).ifPresent(course -> {
			Set<String> ids = new LinkedHashSet<>();
			course.lessons().forEach(lesson -> ids.addAll(mediaIn(lesson.markdown())));
			List<Viewer> people = new ArrayList<>();
			people.add(organization.viewerOf(course.authorId()));
			if (published.publishedBy() != null && !published.publishedBy().equals(course.authorId())) {
				people.add(organization.viewerOf(published.publishedBy()));
			}
			for (String id : items.existing(ids)) {
				MediaItem item = items.find(id).orElse(null);
				if (item != null && people.stream().anyMatch(p -> mayShow(p, course.id(), item))) {
					items.published(id, course.id(), published.version());
				}
			}
		});
	}

	/**
	 * A file the editor may not show in the course: another course's that is not shown by a live published version
	 * and whose course they may not edit. Named by its address, at the lesson's text.
	 */
	@Override
	@Transactional(readOnly = true)
	public String refusal(Viewer editor, CourseId courseId, String markdown, String before) {
		Set<String> ids = mediaIn(markdown);
		ids.removeAll(mediaIn(before));
		for (String id : ids) {
			MediaItem item = items.find(id).orElse(null);
			if (item != null && !mayShow(editor, courseId, item)) {
				return "The file /media/" + id + " belongs to another course that you may not edit; upload the image "
						+ "or video to this course, then use its Markdown.";
			}
		}
		return null;
	}

	private boolean mayShow(Viewer viewer, CourseId courseId, MediaItem item) {
		if (item.courseId().equals(courseId)) {
			return true;
		}
		Set<CourseId> showing = new LinkedHashSet<>();
		items.shownIn(item.id()).forEach(s -> showing.add(s.courseId()));
		if (!showing.isEmpty() && authoring.currentVersions(showing).values().stream().anyMatch(v -> !v.retired())) {
			return true;
		}
		// not through editable(): its refusal would mark the saving transaction for rollback
		return Authoring.mayEdit(viewer, authoring.forReview(item.courseId()));
	}

	static Set<String> mediaIn(String markdown) {
		Set<String> ids = new LinkedHashSet<>();
		if (markdown == null) {
			return ids;
		}
		Matcher m = IN_MARKDOWN.matcher(markdown);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static byte[] head(UploadedFile file) {
		try (InputStream in = file.content().getInputStream()) {
			return in.readNBytes(64);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Copies the upload to a file of our own, refusing it once it passes {@code max} whatever its declared size. */
	private static Path stage(UploadedFile file, long max, String field) {
		Path staged = null;
		try {
			staged = Files.createTempFile("stride-media-", ".upload");
			try (InputStream in = file.content().getInputStream(); OutputStream out = Files.newOutputStream(staged)) {
				byte[] buffer = new byte[64 * 1024];
				long total = 0;
				int n;
				while ((n = in.read(buffer)) != -1) {
					total += n;
					if (total > max) {
						throw new InvalidInputException(field, "This file is larger than " + MediaItem.inWords(max) + ".");
					}
					out.write(buffer, 0, n);
				}
			}
			return staged;
		}
		catch (IOException e) {
			deleteQuietly(staged);
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			deleteQuietly(staged);
			throw e;
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = Files.newInputStream(file);
					OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
				in.transferTo(sink);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A name to offer when the file is saved: letters, digits, dots and dashes, with the ending of what was kept. */
	private static String safeName(String name, String contentType) {
		String base = name == null ? "" : name.replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]+", "-");
		base = base.replaceAll("^[.-]+", "");
		if (base.isEmpty()) {
			base = "media";
		}
		base = base.length() > 80 ? base.substring(0, 80) : base;
		String ending = switch (contentType) {
			case "image/png" -> "png";
			case "image/jpeg" -> "jpg";
			case "image/gif" -> "gif";
			case "video/mp4" -> "mp4";
			case "video/webm" -> "webm";
			default -> "vtt";
		};
		return base + "." + ending;
	}

	private static String ending(String name) {
		if (name == null) {
			return "";
		}
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a temporary file; the system's own clean-up takes it
			}
		}
	}
}
