package io.stride.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.NewPerson;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.identity.internal.ApiTokens;
import org.springframework.stereotype.Component;

/**
 * Builds a small, uniquely named organization per test: team A with sub-team A1, and team B, each with a
 * manager and learners. Nothing is shared between tests, so they can run in any order on one database.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "correct-horse-battery";

	public static final String ADMIN_EMAIL = "admin@stride.test";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final OrganizationAdministration administration;

	private final Organization organization;

	private final Authoring authoring;

	private final ApiTokens tokens;

	private final io.stride.review.Reviews reviews;

	private final io.stride.drafting.Drafting drafting;

	Fixtures(OrganizationAdministration administration, Organization organization, Authoring authoring,
			ApiTokens tokens, io.stride.review.Reviews reviews, io.stride.drafting.Drafting drafting) {
		this.reviews = reviews;
		this.drafting = drafting;
		this.administration = administration;
		this.organization = organization;
		this.authoring = authoring;
		this.tokens = tokens;
	}

	public record Org(String suffix, TeamId teamA, TeamId subTeamA, TeamId teamB, PersonId managerA,
			PersonId managerB, PersonId learnerA, PersonId learnerSubA, PersonId learnerB) {

		public String email(String handle) {
			return handle + "-" + suffix + "@stride.test";
		}
	}

	public Viewer admin() {
		return administration.adminViewer(ADMIN_EMAIL);
	}

	public Org organization() {
		String suffix = System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
		Viewer admin = admin();
		TeamId a = administration.createTeam(admin, "Team A " + suffix, null);
		TeamId a1 = administration.createTeam(admin, "Team A1 " + suffix, a);
		TeamId b = administration.createTeam(admin, "Team B " + suffix, null);
		PersonId managerA = person(admin, "Manager A", "manager-a", suffix, Set.of(a), Set.of(a));
		PersonId managerB = person(admin, "Manager B", "manager-b", suffix, Set.of(b), Set.of(b));
		PersonId learnerA = person(admin, "Learner A", "learner-a", suffix, Set.of(a), Set.of());
		PersonId learnerA1 = person(admin, "Learner A1", "learner-a1", suffix, Set.of(a1), Set.of());
		PersonId learnerB = person(admin, "Learner B", "learner-b", suffix, Set.of(b), Set.of());
		return new Org(suffix, a, a1, b, managerA, managerB, learnerA, learnerA1, learnerB);
	}

	public PersonId person(Viewer admin, String name, String handle, String suffix, Set<TeamId> teams,
			Set<TeamId> manages, Role... roles) {
		return administration.createPerson(admin, new NewPerson(name, handle + "-" + suffix + "@stride.test", PASSWORD,
				teams, manages, roles.length == 0 ? Set.of() : Set.of(roles)));
	}

	/** Sets a reviewer up for compliance steps only (no topics, not L&D). */
	public void complianceReviewer(PersonId id) {
		reviews.setUp(admin(), id, "", false, true);
	}

	public Viewer viewer(PersonId id) {
		return organization.viewerOf(id);
	}

	public io.stride.identity.Person viewerPerson(PersonId id) {
		return organization.person(admin(), id);
	}

	public String token(PersonId id) {
		return tokens.issueSignInToken(id).token();
	}

	public static CourseContent sampleCourse(String title) {
		return new CourseContent(title, "How we handle an incident report.",
				List.of(new Lesson(null, "Spot it", "Report within **1 hour**.\n\n1. Stop\n2. Report"),
						new Lesson(null, "Report it", "Use the *incident form*.")),
				new Quiz(50, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Report within?",
								List.of("1 hour", "24 hours", "1 week"), List.of(0), "The policy says 1 hour."),
						new Question(null, QuestionKind.MULTIPLE_CHOICE, "Which are steps?",
								List.of("Stop", "Report", "Ignore"), List.of(0, 1), "Stop, then report."))));
	}

	public Course publishedCourse(Viewer author, String title) {
		Course draft = authoring.create(author, sampleCourse(title));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	/**
	 * A course drafted from the expense policy in the test corpus (its questions carry source notes), in the given
	 * risk tier, published at once.
	 */
	public Course publishedDraftedCourse(Viewer author, io.stride.authoring.RiskTier tier, String tierReason)
			throws java.io.IOException {
		var draft = drafting.draft(List.of(new io.stride.drafting.SourceFile("expense-policy.md",
				java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/corpus/expense-policy.md")))), null);
		Course created = authoring.create(author,
				io.stride.authoring.CourseFromDraft.content(draft).withTier(tier, tierReason));
		return authoring.publish(author, created.id(), created.revision());
	}
}
