package io.stride.packages.scorm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * Plays package items for learners: a launch continues the learner's attempt (or starts the next one once the last
 * was finished) and opens a content address whose secret token is the only key to the package's files, since the
 * sandboxed frame sends no cookies; commits save the SCO's run-time data idempotently (completion, success and the
 * best score only move forward; suspend data and location follow the newest commit) and, the first time the SCO
 * reports the item done, record it in the learning record and complete the lesson through delivery.
 */
@Service
@Transactional
public class ScormPlayer {

	/** How long a content address works: a long sitting, not for ever. */
	static final Duration LAUNCH_LIFETIME = Duration.ofHours(12);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Packages packages;

	private final PackageLessons lessons;

	private final ScormAttempts attempts;

	private final Authoring authoring;

	private final Delivery delivery;

	private final LearningRecord record;

	private final Clock clock;

	private final Organization organization;

	ScormPlayer(Packages packages, PackageLessons lessons, ScormAttempts attempts, Authoring authoring, Delivery delivery,
			LearningRecord record, Clock clock, Organization organization) {
		this.organization = organization;
		this.packages = packages;
		this.lessons = lessons;
		this.attempts = attempts;
		this.authoring = authoring;
		this.delivery = delivery;
		this.record = record;
		this.clock = clock;
	}

	/** What the lesson page needs to play an item. */
	public record Launch(String attemptId, String itemTitle, ScormStandard standard, String contentUrl,
			String commitUrl, long sequence, Map<String, String> initialData) {
	}

	/** A file of a package, found by a launch's token. */
	public record Served(String packageId, Packages.StoredFile file, boolean html) {
	}

	/** The outcome of a commit, for the player's status line. */
	public record Committed(long sequence, String completion, String success, boolean done) {
	}

	/**
	 * Launches the item a lesson plays, for a learner taking the course (the lesson page checked that), or empty when
	 * the lesson plays none.
	 */
	public Optional<Launch> launch(Viewer learner, Course course, Lesson lesson) {
		Optional<Packages.Item> found = lessons.itemOf(course.id(), lesson);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Packages.Item item = found.get();
		Packages.Package pack = packages.find(item.packageId()).orElseThrow();
		if (pack.standard() == ScormStandard.CMI5) {
			// launched by packages.cmi5, which opens its own content address below
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<ScormAttempts.Attempt> latest = attempts.latest(item.id(), learner.id());
		ScormAttempts.Attempt attempt = latest.filter(last -> !last.done() || "suspend".equals(last.exitMode()))
			.orElse(null);
		if (attempt == null) {
			// the number follows from the same read: tabs opening at once all try this number, and the unique key lets
			// one of them start it (reading again here could see another tab's new attempt and start one more)
			int next = latest.map(a -> a.attempt() + 1).orElse(1);
			try {
				attempts.start(Ids.newId(), item.id(), learner.id(), course.id().value(), lesson.id(), next, now);
			}
			catch (DuplicateKeyException e) {
				// another tab started this attempt a moment ago: both play the same one
			}
			attempt = attempts.latest(item.id(), learner.id()).orElseThrow();
		}
		attempts.startSession(attempt.id(), lesson.id(), now);
		attempts.forgetExpired(now);
		String token = token();
		attempts.insertLaunch(hash(token), attempt.id(), pack.id(), learner.id(), now.plus(LAUNCH_LIFETIME));
		String path = item.launch();
		String query = "";
		int q = path.indexOf('?');
		if (q >= 0) {
			query = path.substring(q);
			path = path.substring(0, q);
		}
		return Optional.of(new Launch(attempt.id(), item.title(), pack.standard(),
				"/packages/content/" + token + "/" + UriUtils.encodePath(path, StandardCharsets.UTF_8) + query,
				"/packages/attempts/" + attempt.id() + "/commits", attempt.lastSequence(),
				initialData(pack.standard(), item, attempt, learner.id(), learner.name())));
	}

	/**
	 * A content address for a cmi5 AU's files: the same secret path, attempt and lifetime as a SCO's, so that the
	 * sandboxed frame reads the package's files exactly as a SCO does; {@code path} is the AU's url in the package.
	 */
	public String contentAddress(PersonId learner, Course course, String lessonId, Packages.Item item, String path) {
		Instant now = clock.instant();
		ScormAttempts.Attempt attempt = attempts.latest(item.id(), learner).orElse(null);
		if (attempt == null) {
			String id = Ids.newId();
			attempts.insert(id, item.id(), learner, course.id().value(), lessonId, 1, now);
			attempt = attempts.find(id).orElseThrow();
		}
		attempts.startSession(attempt.id(), lessonId, now);
		attempts.forgetExpired(now);
		String token = token();
		attempts.insertLaunch(hash(token), attempt.id(), item.packageId(), learner, now.plus(LAUNCH_LIFETIME));
		String query = "";
		int q = path.indexOf('?');
		if (q >= 0) {
			query = path.substring(q);
			path = path.substring(0, q);
		}
		return "/packages/content/" + token + "/" + UriUtils.encodePath(path, StandardCharsets.UTF_8) + query;
	}

	/** A package file by a launch's token: unknown or expired tokens, and courses no longer taken, are not found. */
	@Transactional(readOnly = true)
	public Served content(String token, String path) {
		ScormAttempts.Launch launch = valid(token);
		ScormAttempts.Attempt attempt = attempts.find(launch.attemptId()).orElseThrow(() -> new NotFoundException("File"));
		authoring.deliveredTo(launch.personId(), new CourseId(attempt.courseId()));
		Packages.StoredFile file = packages.file(launch.packageId(), path).orElseThrow(() -> new NotFoundException("File"));
		// a cmi5 AU talks to the LRS itself: its pages get no SCORM run-time
		boolean scorm = packages.find(launch.packageId()).map(p -> p.standard() != ScormStandard.CMI5).orElse(true);
		return new Served(launch.packageId(), file, scorm && file.contentType().equals("text/html"));
	}

	/** The data the SCO starts with, as its frame's side of the run-time needs it before the first answer. */
	@Transactional(readOnly = true)
	public Launch runtime(String token) {
		ScormAttempts.Launch launch = valid(token);
		ScormAttempts.Attempt attempt = attempts.find(launch.attemptId()).orElseThrow(() -> new NotFoundException("Launch"));
		Packages.Item item = packages.item(attempt.itemId()).orElseThrow(() -> new NotFoundException("Launch"));
		Packages.Package pack = packages.find(item.packageId()).orElseThrow(() -> new NotFoundException("Launch"));
		Course course = authoring.deliveredTo(launch.personId(), new CourseId(attempt.courseId()));
		return new Launch(attempt.id(), item.title(), pack.standard(), null, null, attempt.lastSequence(),
				initialData(pack.standard(), item, attempt, launch.personId(), nameOf(course, launch.personId())));
	}

	private String nameOf(Course course, PersonId person) {
		return organization.contactOf(person).map(Person::name).orElse("");
	}

	private ScormAttempts.Launch valid(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			throw new NotFoundException("File");
		}
		return attempts.launch(hash(token))
			.filter(l -> l.expiresAt().isAfter(clock.instant()))
			.orElseThrow(() -> new NotFoundException("File"));
	}

	/**
	 * Saves one commit of the learner's attempt. A commit repeated, or arriving after a newer one, changes nothing
	 * it should not: completion and success only move forward, the best score is kept, and suspend data, location and
	 * exit are taken only from a commit newer than the last one saved.
	 */
	public Committed commit(Viewer learner, String attemptId, long sequence, boolean terminate, Map<String, ?> cmi) {
		if (sequence < 1) {
			throw new InvalidInputException("sequence", "Number commits from 1.");
		}
		ScormAttempts.Attempt saved = attempts.lock(attemptId).filter(a -> a.personId().equals(learner.id()))
			.orElseThrow(() -> new NotFoundException("Attempt"));
		Packages.Item item = packages.item(saved.itemId()).orElseThrow(() -> new NotFoundException("Attempt"));
		Packages.Package pack = packages.find(item.packageId()).orElseThrow(() -> new NotFoundException("Attempt"));
		RunTimeData reported = RunTimeData.from(pack.standard(), cmi == null ? Map.of() : cmi);
		Instant now = clock.instant();
		String completion = rank(reported.completion()) > rank(saved.completion()) ? reported.completion()
				: saved.completion();
		String success = "passed".equals(saved.success()) || "passed".equals(reported.success()) ? "passed"
				: "failed".equals(reported.success()) ? "failed" : saved.success();
		boolean better = reported.scaled() != null && (saved.scoreScaled() == null || reported.scaled() > saved.scoreScaled());
		boolean newer = sequence > saved.lastSequence();
		boolean doneNow = "completed".equals(completion) && !"failed".equals(success);
		ScormAttempts.Attempt next = new ScormAttempts.Attempt(saved.id(), saved.itemId(), saved.personId(), saved.courseId(),
				saved.lessonId(), saved.attempt(), completion, success, better ? reported.scaled() : saved.scoreScaled(),
				better ? reported.raw() : saved.scoreRaw(), better ? reported.min() : saved.scoreMin(),
				better ? reported.max() : saved.scoreMax(), newer ? reported.suspendData() : saved.suspendData(),
				newer ? reported.location() : saved.location(), newer ? reported.exit() : saved.exitMode(),
				saved.totalSeconds() + (newer && terminate && reported.sessionSeconds() != null ? reported.sessionSeconds() : 0),
				Math.max(sequence, saved.lastSequence()), saved.sessions(),
				saved.completedAt() != null ? saved.completedAt() : doneNow ? now : null);
		attempts.save(next, now);
		if (saved.completedAt() == null && doneNow) {
			CourseId courseId = new CourseId(saved.courseId());
			Double scaled = next.scoreScaled();
			Integer raw = next.scoreRaw() == null ? null : (int) Math.round(next.scoreRaw());
			Integer max = next.scoreMax() == null ? (raw == null ? null : 100) : (int) Math.round(next.scoreMax());
			Boolean passed = "passed".equals(success) ? Boolean.TRUE : null;
			record.record(new LearningAction(learner.id(), learner.name(), passed != null ? Verb.PASSED : Verb.COMPLETED,
					ActivityType.LESSON, saved.lessonId(), item.title(), courseId.value(),
					new Result(scaled, raw, max, passed, true, null)).inAttempt(saved.id()));
			delivery.completeLesson(learner.id(), learner.name(), courseId, saved.lessonId());
		}
		return new Committed(next.lastSequence(), completion, success, next.done());
	}

	private static int rank(String completion) {
		return switch (completion) {
			case "completed" -> 2;
			case "incomplete" -> 1;
			default -> 0;
		};
	}

	/** The CMI the run-time is loaded with before the SCO initializes, flattened as scorm-again takes it. */
	static Map<String, String> initialData(ScormStandard standard, Packages.Item item, ScormAttempts.Attempt attempt,
			PersonId person, String name) {
		Map<String, String> data = new LinkedHashMap<>();
		boolean resume = "suspend".equals(attempt.exitMode()) || notBlank(attempt.suspendData())
				|| notBlank(attempt.location());
		if (standard == ScormStandard.SCORM_12) {
			data.put("cmi.core.student_id", person.value());
			put(data, "cmi.core.student_name", name);
			put(data, "cmi.core.lesson_location", attempt.location());
			data.put("cmi.core.lesson_status", status12(attempt));
			data.put("cmi.core.entry", resume ? "resume" : "ab-initio");
			data.put("cmi.core.credit", "credit");
			data.put("cmi.core.lesson_mode", "normal");
			put(data, "cmi.suspend_data", attempt.suspendData());
			put(data, "cmi.launch_data", item.launchData());
			if (item.masteryScore() != null) {
				data.put("cmi.student_data.mastery_score", number(item.masteryScore()));
			}
			if (attempt.scoreRaw() != null) {
				data.put("cmi.core.score.raw", number(attempt.scoreRaw()));
			}
			data.put("cmi.core.total_time", timespan(attempt.totalSeconds()));
		}
		else {
			data.put("cmi.learner_id", person.value());
			put(data, "cmi.learner_name", name);
			put(data, "cmi.location", attempt.location());
			data.put("cmi.completion_status", attempt.completion().equals("unknown") ? "unknown" : attempt.completion());
			data.put("cmi.success_status", attempt.success());
			data.put("cmi.entry", resume ? "resume" : "ab-initio");
			data.put("cmi.credit", "credit");
			data.put("cmi.mode", "normal");
			put(data, "cmi.suspend_data", attempt.suspendData());
			put(data, "cmi.launch_data", item.launchData());
			if (item.passingScore() != null) {
				data.put("cmi.scaled_passing_score", number(item.passingScore()));
			}
			if (item.completionThreshold() != null) {
				data.put("cmi.completion_threshold", number(item.completionThreshold()));
			}
			if (attempt.scoreScaled() != null) {
				data.put("cmi.score.scaled", number(attempt.scoreScaled()));
			}
			data.put("cmi.total_time", "PT" + number(Math.round(attempt.totalSeconds() * 100) / 100.0) + "S");
		}
		return data;
	}

	private static String status12(ScormAttempts.Attempt attempt) {
		if ("passed".equals(attempt.success())) {
			return "passed";
		}
		if ("failed".equals(attempt.success())) {
			return "failed";
		}
		return switch (attempt.completion()) {
			case "completed" -> "completed";
			case "incomplete" -> "incomplete";
			default -> "not attempted";
		};
	}

	private static String timespan(double seconds) {
		long whole = (long) seconds;
		return String.format(Locale.ROOT, "%04d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
	}

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
	}

	private static boolean notBlank(String text) {
		return text != null && !text.isBlank();
	}

	private static void put(Map<String, String> data, String key, String value) {
		if (value != null && !value.isEmpty()) {
			data.put(key, value);
		}
	}

	private static String token() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
