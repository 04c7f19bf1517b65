package io.stride.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.stride.StrideApplication;
import io.stride.shared.Ids;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the outline editor's autosave as a browser makes it, over HTTP, on PostgreSQL (issue 18: "an outline editor
 * autosave round trip p95 under 100 ms for a course of 50 lessons"). Starts Stride on {@code STRIDE_DB_URL}, signs an
 * author in with the sign-in form (its CSRF token and the session cookie), creates a course of 50 lessons in 5
 * modules with 10 knowledge checks and 20 final-quiz questions, opens the editor page of a few elements and then
 * sends the save {@code static/js/editor.js} sends: a POST of the element form's fields (as {@code FormData} reads
 * them) to the form's action, with {@code Accept: application/json} and the page's {@code X-CSRF-TOKEN}, each under
 * the revision the previous save answered, so that every save is a change that succeeds. Then the same through the
 * API, {@code PUT /api/v1/courses/{id}/elements/{elementId}} with a bearer token. Run with {@code bench/outline.sh};
 * not a test.
 */
public final class OutlineAutosaveBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PASSWORD = "outline-bench-password";

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private OutlineAutosaveBenchmark(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		int saves = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		String db = System.getenv("STRIDE_DB_URL");
		if (db == null || !db.startsWith("jdbc:postgresql:")) {
			throw new IllegalStateException("Set STRIDE_DB_URL (and _USER, _PASSWORD) to a PostgreSQL database");
		}
		ConfigurableApplicationContext app = SpringApplication.run(StrideApplication.class, "--server.port=0",
				"--spring.datasource.url=" + db, "--stride.demo-data=false", "--logging.level.root=WARN",
				"--logging.level.io.stride.shared.web.RequestLogging=WARN");
		try {
			// the author: an ordinary person (everyone may author), whatever else the database holds
			String run = Long.toString(System.nanoTime() % 1_000_000);
			String email = "outline-bench-" + run + "@bench.test";
			app.getBean(JdbcClient.class)
				.sql("INSERT INTO people (id, name, email, password_hash, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")
				.params(Ids.newId(), "Outline Bench " + run, email, app.getBean(PasswordEncoder.class).encode(PASSWORD),
						Timestamp.from(Instant.now()))
				.update();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			new OutlineAutosaveBenchmark("http://localhost:" + port).measure(email, saves, warmup);
		}
		finally {
			app.close();
		}
	}

	private void measure(String email, int saves, int warmup) throws Exception {
		String load = loadAverage();
		signIn(email);
		String token = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(body(Map.of("email", email, "password", PASSWORD))), 201)).get("token").asString();
		String course = JSON.readTree(send(api(token, "/api/v1/courses").POST(body(fiftyLessonCourse())), 201))
			.get("id")
			.asString();
		JsonNode outline = JSON.readTree(send(api(token, "/api/v1/courses/" + course + "/outline").GET(), 200));
		List<String> lessons = new ArrayList<>();
		List<String> checks = new ArrayList<>();
		outline.get("modules").forEach(m -> m.get("lessons").forEach(l -> {
			lessons.add(l.get("id").asString());
			l.get("knowledgeChecks").forEach(k -> checks.add(k.get("id").asString()));
		}));
		List<String> quiz = new ArrayList<>();
		outline.get("quiz").forEach(q -> quiz.add(q.get("id").asString()));
		System.out.printf("course %s: %d lessons, %d knowledge checks, %d quiz questions%n", course, lessons.size(),
				checks.size(), quiz.size());
		// a few elements, as an author moves between them: four lessons spread over the course, a quiz question and
		// a knowledge check; one save in six is a question's
		List<String> chosen = List.of(lessons.get(0), lessons.get(17), lessons.get(33), lessons.get(49), quiz.get(0),
				checks.get(3));

		// ---- the editor's autosave: the form the page shows, posted as editor.js posts it
		List<EditorForm> forms = new ArrayList<>();
		for (String element : chosen) {
			forms.add(editorForm(course, element));
		}
		double[] page = time(saves, warmup, n -> {
			EditorForm form = forms.get(n % forms.size());
			HttpRequest request = HttpRequest.newBuilder(uri(form.action()))
				.header("Accept", "application/json")
				.header("X-CSRF-TOKEN", form.csrf())
				.header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(form.typed(n)))
				.build();
			return () -> form.revision = JSON.readTree(send(request, 200)).get("revision").asInt();
		});
		report("POST /courses/{id}/outline/elements/{elementId} (the editor's autosave)", page);

		// ---- the API: the same elements saved with PUT and a bearer token
		List<ApiElement> elements = new ArrayList<>();
		for (String element : chosen) {
			elements.add(new ApiElement(element,
					JSON.readTree(send(api(token, "/api/v1/courses/" + course + "/elements/" + element).GET(), 200))));
		}
		double[] put = time(saves, warmup, n -> {
			ApiElement element = elements.get(n % elements.size());
			HttpRequest request = api(token, "/api/v1/courses/" + course + "/elements/" + element.id)
				.PUT(body(element.typed(n)))
				.build();
			return () -> element.revision = JSON.readTree(send(request, 200)).get("revision").asInt();
		});
		report("PUT /api/v1/courses/{id}/elements/{elementId} (the API)", put);
		System.out.printf("machine: %d cores (nproc), load average before %s, after %s (other work on the machine "
				+ "counts in these figures)%n", Runtime.getRuntime().availableProcessors(), load, loadAverage());
	}

	// ---- signing in and the editor page

	private void signIn(String email) throws IOException, InterruptedException {
		Document login = Jsoup.parse(send(HttpRequest.newBuilder(uri("/login")).GET(), 200));
		String csrf = login.selectFirst("input[name=_csrf]").val();
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(List.of(Map.entry("email", email),
					Map.entry("password", PASSWORD), Map.entry("_csrf", csrf)))))
			.build(), HttpResponse.BodyHandlers.ofString());
		String to = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || to.contains("/login")) {
			throw new IllegalStateException("Signing in failed: " + signedIn.statusCode() + " to " + to);
		}
	}

	/** The element form of the editor page, and what the page's script sends of it. */
	private EditorForm editorForm(String course, String element) throws IOException, InterruptedException {
		Document page = Jsoup.parse(send(HttpRequest.newBuilder(uri("/courses/" + course + "/edit?element=" + element))
			.GET(), 200));
		FormElement form = (FormElement) page.selectFirst("form[data-element-form]");
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		// what new FormData(form) holds: every named control that is not disabled, ticked boxes only
		form.formData().forEach(field -> fields.add(Map.entry(field.key(), field.value())));
		String typed = fields.stream().anyMatch(f -> f.getKey().equals("markdown")) ? "markdown" : "prompt";
		return new EditorForm(form.attr("action"), page.selectFirst("input[name=_csrf]").val(), fields, typed);
	}

	private static final class EditorForm {

		final String action;

		final String csrf;

		final List<Map.Entry<String, String>> fields;

		final String typed;

		int revision;

		EditorForm(String action, String csrf, List<Map.Entry<String, String>> fields, String typed) {
			this.action = action;
			this.csrf = csrf;
			this.fields = fields;
			this.typed = typed;
			this.revision = Integer.parseInt(value("revision"));
		}

		String action() {
			return action;
		}

		String csrf() {
			return csrf;
		}

		private String value(String name) {
			return fields.stream().filter(f -> f.getKey().equals(name)).findFirst().orElseThrow().getValue();
		}

		/** The form as the author left it after typing a little more into the text (a save of nothing changes nothing). */
		String typed(int n) {
			return form(fields.stream()
				.map(f -> f.getKey().equals("revision") ? Map.entry("revision", Integer.toString(revision))
						: f.getKey().equals(typed) ? Map.entry(typed, f.getValue() + " Typed " + n + ".") : f)
				.toList());
		}
	}

	private static final class ApiElement {

		final String id;

		final JsonNode read;

		int revision;

		ApiElement(String id, JsonNode read) {
			this.id = id;
			this.read = read;
			this.revision = read.get("revision").asInt();
		}

		Map<String, Object> typed(int n) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("revision", revision);
			if ("LESSON".equals(read.get("type").asString())) {
				body.put("title", read.get("title").asString());
				body.put("markdown", read.get("markdown").asString() + " Typed " + n + ".");
				return body;
			}
			JsonNode q = read.get("question");
			body.put("kind", q.get("kind").asString());
			body.put("prompt", q.get("prompt").asString() + " Typed " + n + ".");
			body.put("options", JSON.convertValue(q.get("options"), List.class));
			body.put("correct", JSON.convertValue(q.get("correct"), List.class));
			body.put("explanation", q.get("explanation").asString());
			return body;
		}
	}

	// ---- the course

	/** 50 lessons of about 2,700 characters in 5 modules, a knowledge check after every fifth, 20 quiz questions. */
	private static Map<String, Object> fiftyLessonCourse() {
		List<Object> lessons = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			Map<String, Object> lesson = new LinkedHashMap<>();
			lesson.put("title", "Lesson " + i);
			lesson.put("module", "Module " + (1 + (i - 1) / 10));
			lesson.put("markdown", "## Step " + i + "\n\n" + ("Text of lesson " + i + ", with **what to do** and why. ").repeat(60));
			lesson.put("knowledgeChecks", i % 5 == 0 ? List.of(question("Check after lesson " + i + "?", "TRUE_FALSE",
					List.of("True", "False"))) : List.of());
			lessons.add(lesson);
		}
		List<Object> questions = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			questions.add(question("Question " + i + ": which step comes first?", "SINGLE_CHOICE",
					List.of("Read the ticket", "Close it", "Escalate it")));
		}
		Map<String, Object> course = new LinkedHashMap<>();
		course.put("title", "Outline autosave benchmark");
		course.put("description", "A course of 50 lessons for timing the outline editor's autosave.");
		course.put("riskTier", "LOW");
		course.put("lessons", lessons);
		course.put("quiz", Map.of("passMark", 80, "questions", questions));
		return course;
	}

	private static Map<String, Object> question(String prompt, String kind, List<String> options) {
		return Map.of("kind", kind, "prompt", prompt, "options", options, "correct", List.of(0), "explanation",
				"The first option is right.");
	}

	// ---- timing

	interface Save {

		void run() throws Exception;
	}

	/** Builds each request first, then times only its round trip and reading the answer. */
	private static double[] time(int saves, int warmup, IntFunction<Save> save) throws Exception {
		double[] times = new double[saves];
		for (int n = -warmup; n < saves; n++) {
			Save one = save.apply(n + warmup);
			long start = System.nanoTime();
			one.run();
			if (n >= 0) {
				times[n] = (System.nanoTime() - start) / 1e6;
			}
		}
		Arrays.sort(times);
		return times;
	}

	private static void report(String what, double[] sorted) {
		double p95 = percentile(sorted, 95);
		System.out.printf(Locale.ROOT, "%s: %d saves, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms"
				+ " (target p95 < 100 ms: %s)%n", what, sorted.length, percentile(sorted, 50), p95, percentile(sorted, 99),
				sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0), p95 < 100 ? "met" : "NOT met");
	}

	/** The nearest-rank percentile. */
	static double percentile(double[] sorted, int p) {
		return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
	}

	// ---- HTTP

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private HttpRequest.Builder api(String token, String path) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
		return send(request.build(), expected);
	}

	private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static HttpRequest.BodyPublisher body(Object value) {
		return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
	}

	/** As URLSearchParams writes them (spaces as '+'). */
	static String form(List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
				.split(" "), 3));
		}
		catch (IOException e) {
			return "unknown";
		}
	}
}
