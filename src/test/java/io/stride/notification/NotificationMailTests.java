package io.stride.notification;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Authors and reviewers hear of review events in the app and by email, through a real SMTP conversation with a
 * server on the loopback interface.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationMailTests {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("stride.mail.from", () -> "stride@acme.test");
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Reviews reviews;

	@Autowired
	MockMvc mvc;

	@Test
	void reviewersHearOfWaitingReviewsAndAuthorsOfRequestedChanges() throws Exception {
		Org org = fixtures.organization();
		PersonId reviewerId = fixtures.person(fixtures.admin(), "Nora Notified", "nora", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		Viewer author = fixtures.viewer(org.managerA());
		Course course = authoring.create(author, Fixtures.sampleCourse("Mail check " + org.suffix()).withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(author, course.id(), course.revision());
		String caseId = reviews.latestFor(course.id()).orElseThrow().id();

		String reviewerEmail = org.email("nora");
		MimeMessage waiting = awaitMail(reviewerEmail, "[Stride] Review waiting: Mail check " + org.suffix());
		assertThat(waiting.getFrom()[0].toString()).isEqualTo("stride@acme.test");
		assertThat(GreenMailUtil.getBody(waiting)).contains("/reviews/" + caseId).contains("Due ");

		reviews.requestChanges(fixtures.viewer(reviewerId), caseId, "Say who to call at night.", "Lesson \"Spot it\"");
		MimeMessage changes = awaitMail(org.email("manager-a"), "[Stride] Changes requested: Mail check " + org.suffix());
		assertThat(GreenMailUtil.getBody(changes)).contains("Say who to call at night.");

		var authorSession = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		// the mail and the in-app notification come from two listeners after the commit: the mail may come first
		awaitInApp(org.managerA(), "Changes requested: Mail check " + org.suffix());
		mvc.perform(get("/learning").with(authorSession))
			.andExpect(content().string(containsString("Notifications (1 new)")));
		// once seen, the count in the navigation clears; the page still marks what was new on this visit
		mvc.perform(get("/notifications").with(authorSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Changes requested: Mail check " + org.suffix())))
			.andExpect(content().string(containsString("<strong>New: </strong>")))
			.andExpect(content().string(not(containsString("Notifications (1 new)"))));
		mvc.perform(get("/learning").with(authorSession))
			.andExpect(content().string(not(containsString("1 new)"))));
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(jsonPath("$.items[0].link").value("/courses/" + course.id().value() + "/review"))
			.andExpect(jsonPath("$.items[0].read").value(false));
		mvc.perform(post("/notifications/read").with(authorSession).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + fixtures.token(org.managerA())))
			.andExpect(jsonPath("$.items[0].read").value(true));
		// nobody else sees them
		mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + fixtures.token(org.learnerA())))
			.andExpect(jsonPath("$.total").value(0));
	}

	private void awaitInApp(PersonId person, String text) throws Exception {
		String token = fixtures.token(person);
		long until = System.currentTimeMillis() + 10_000;
		while (!mvc.perform(get("/api/v1/me/notifications").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.contains(text)) {
			assertThat(System.currentTimeMillis()).as("in-app notification: " + text).isLessThan(until);
			Thread.sleep(50);
		}
	}

	private MimeMessage awaitMail(String to, String subject) {
		MimeMessage[] found = new MimeMessage[1];
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			List<MimeMessage> messages = Arrays.asList(smtp.getReceivedMessagesForDomain(to));
			for (MimeMessage m : messages) {
				if (subject.equals(m.getSubject())) {
					found[0] = m;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
