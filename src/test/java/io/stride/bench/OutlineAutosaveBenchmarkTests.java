package io.stride.bench;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The outline editor's autosave round trip on a course of 50 lessons (and 100 questions): one element saved at a
 * time through {@code PUT /api/v1/courses/{id}/elements/{elementId}}, in process (MockMvc: the whole Spring stack,
 * the database and the transaction, without the network). Not part of the suite: run with
 * {@code STRIDE_BENCH=true ./mvnw test -Dtest=OutlineAutosaveBenchmarkTests} (add the STRIDE_TEST_DB_* variables for
 * PostgreSQL); it prints p50 and p95 and fails only when p95 is over 100 ms.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnabledIfEnvironmentVariable(named = "STRIDE_BENCH", matches = "true")
class OutlineAutosaveBenchmarkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Test
	void autosaveRoundTripOnAFiftyLessonCourse() throws Exception {
		Org org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		List<Lesson> lessons = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			lessons.add(new Lesson(null, "Lesson " + i, ("Text of lesson " + i + ". ").repeat(150), List.of(),
					"Module " + (1 + i / 10), List.of(new Question(null, QuestionKind.TRUE_FALSE, "Check " + i + "?",
							List.of("True", "False"), List.of(0), ""))));
		}
		List<Question> quiz = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			quiz.add(new Question(null, QuestionKind.SINGLE_CHOICE, "Question " + i + "?", List.of("A", "B", "C"),
					List.of(0), ""));
		}
		Course course = authoring.create(author, new CourseContent("Benchmark", "", lessons, new Quiz(80, quiz)));
		String token = "Bearer " + fixtures.token(org.managerA());
		int[] revisions = new int[50];
		java.util.Arrays.fill(revisions, 1);
		List<Long> times = new ArrayList<>();
		int warmup = 30;
		int measured = 300;
		for (int n = 0; n < warmup + measured; n++) {
			int i = n % 50;
			String body = "{\"revision\":" + revisions[i] + ",\"title\":\"Lesson " + (i + 1) + "\",\"markdown\":\""
					+ ("Edited text " + n + ". ").repeat(150) + "\"}";
			long start = System.nanoTime();
			int status = mvc.perform(put("/api/v1/courses/" + course.id().value() + "/elements/" + course.lessons().get(i).id())
					.header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)).andReturn().getResponse().getStatus();
			long micros = (System.nanoTime() - start) / 1000;
			assertThat(status).isEqualTo(200);
			revisions[i]++;
			if (n >= warmup) {
				times.add(micros);
			}
		}
		times.sort(Long::compare);
		long p50 = times.get(times.size() / 2);
		long p95 = times.get((int) Math.ceil(times.size() * 0.95) - 1);
		System.out.printf("OUTLINE AUTOSAVE BENCH: %d saves on a 50-lesson course: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
				times.size(), p50 / 1000.0, p95 / 1000.0, times.get(times.size() - 1) / 1000.0);
		assertThat(p95).as("p95 in microseconds").isLessThan(100_000);
	}
}
