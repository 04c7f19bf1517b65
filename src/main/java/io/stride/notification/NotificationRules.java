package io.stride.notification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.analytics.lifecycle.CourseLifecycleProposed;
import io.stride.badges.BadgeEarned;
import io.stride.badges.BadgeRevoked;
import io.stride.capability.CapabilityEvidenceExpiring;
import io.stride.capability.SignOffRequested;
import io.stride.cycles.CheckInReminderDue;
import io.stride.cycles.DiscussionInvited;
import io.stride.cycles.GoalCommented;
import io.stride.cycles.GoalValidationAnswered;
import io.stride.cycles.GoalValidationRequested;
import io.stride.cycles.HelpOffered;
import io.stride.cycles.KudosGiven;
import io.stride.delivery.RecertificationRequested;
import io.stride.feedback.ImprovementRequestResolved;
import io.stride.feedback.ImprovementRequested;
import io.stride.identity.PersonId;
import io.stride.integration.LrsForwardingFailing;
import io.stride.integration.WebhookFailing;
import io.stride.integration.WebhookPaused;
import io.stride.review.Reviews;
import io.stride.rhythm.BudgetApprovalRequested;
import io.stride.rhythm.BudgetSpendDecided;
import io.stride.rhythm.CommissionCancelled;
import io.stride.rhythm.CommissionCreated;
import io.stride.rhythm.CommissionFunded;
import io.stride.rhythm.CommissionId;
import io.stride.rhythm.CommissionPublished;
import io.stride.rhythm.InterventionKind;
import io.stride.rhythm.InterventionRecorded;
import io.stride.rhythm.LearningNeedAnswered;
import io.stride.rhythm.PreReadReady;
import io.stride.rhythm.RitualTimes;
import io.stride.tracks.EnrolmentDecided;
import io.stride.tracks.EnrolmentRequested;
import io.stride.tracks.EnrolmentStepsReleased;
import io.stride.tracks.StepDeclined;
import io.stride.tracks.StepReleaseNotice;
import io.stride.tracks.TrackProgress;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who hears of what. Listeners run after the change is committed, in their own transaction; a failure is retried
 * from the event publication log and never undoes the change.
 */
@Component
class NotificationRules {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	private final TrackProgress trackProgress;

	NotificationRules(Notifications notifications, TrackProgress trackProgress) {
		this.notifications = notifications;
		this.trackProgress = trackProgress;
	}

	@ApplicationModuleListener
	void on(Reviews.ReviewRequested event) {
		String subject = (event.spotCheck() ? "Spot-check waiting: " : "Review waiting: ") + event.title();
		String body = (event.spotCheck() ? "This course was published at once; look it over and approve it or ask for changes."
				: "The step \"" + event.step() + "\" waits for you.")
				+ (event.dueAt() == null ? "" : " Due " + DUE.format(event.dueAt()) + ".");
		for (PersonId reviewer : event.reviewers()) {
			notifications.notify(reviewer, subject, body, "/reviews/" + event.caseId());
		}
	}

	@ApplicationModuleListener
	void on(Reviews.ReviewStepApproved event) {
		String subject;
		if (event.spotCheck()) {
			subject = "Spot-check passed: " + event.title();
		}
		else if (event.lastStep()) {
			subject = "Approved and published: " + event.title();
		}
		else {
			subject = "\"" + event.step() + "\" approved: " + event.title();
		}
		notifications.notify(event.author(), subject, event.lastStep() || event.spotCheck() ? null
				: "The next step goes to another reviewer.", "/courses/" + event.courseId().value() + "/assign");
	}

	@ApplicationModuleListener
	void on(Reviews.ChangesRequested event) {
		notifications.notify(event.author(), "Changes requested: " + event.title(),
				(event.anchor() == null ? "" : event.anchor() + ": ") + event.comment(),
				"/courses/" + event.courseId().value() + "/review");
	}

	@ApplicationModuleListener
	void on(Reviews.ReviewRejected event) {
		notifications.notify(event.author(), "Rejected: " + event.title(), event.reason(),
				"/courses/" + event.courseId().value() + "/review");
	}

	@ApplicationModuleListener
	void on(Reviews.CommentPosted event) {
		for (PersonId person : event.recipients()) {
			notifications.notify(person, "New comment on " + event.title(), event.body(), "/reviews/" + event.caseId());
		}
	}

	@ApplicationModuleListener
	void on(RecertificationRequested event) {
		for (PersonId learner : event.learners()) {
			notifications.notify(learner, "Take again: " + event.title(), "Version " + event.version()
					+ " of this course changed what it teaches. Take the new version to stay certified.",
					"/learning/courses/" + event.courseId().value());
		}
	}

	@ApplicationModuleListener
	void on(ImprovementRequested event) {
		notifications.notify(event.authorId(), "A learner found \"" + event.lessonTitle() + "\" "
				+ event.kind().label().toLowerCase(Locale.ROOT) + ": " + event.courseTitle(), event.comment(),
				"/courses/" + event.courseId().value() + "/improvement-requests");
	}

	@ApplicationModuleListener
	void on(ImprovementRequestResolved event) {
		notifications.notify(event.learnerId(), "The author answered you about \"" + event.lessonTitle() + "\"", event.reply(),
				"/learning/courses/" + event.courseId().value() + "/lessons/" + event.lessonId() + "#reaction");
	}

	@ApplicationModuleListener
	void on(CapabilityEvidenceExpiring event) {
		String when = event.daysAhead() <= 1 ? "tomorrow" : "in " + event.daysAhead() + " days";
		String link = "/people/" + event.personId().value() + "/capabilities";
		String renewal = event.renewal() == null || event.renewal().isEmpty() ? ""
				: " To renew it: " + Character.toLowerCase(event.renewal().charAt(0)) + event.renewal().substring(1) + ".";
		notifications.notify(event.personId(), "Your “" + event.capabilityName() + "” level expires " + when,
				"“" + event.levelName() + "” stops counting on " + event.expiresOn() + "." + renewal, link);
		for (PersonId manager : event.managers()) {
			notifications.notify(manager, event.personName() + "’s “" + event.capabilityName() + "” level expires " + when,
					"“" + event.levelName() + "” stops counting on " + event.expiresOn() + "." + renewal
							+ " You can assign what renews it from their capabilities.", link);
		}
	}

	@ApplicationModuleListener
	void on(KudosGiven event) {
		notifications.notify(event.to(), event.fromName() + " thanked you"
				+ (event.courseTitle() == null ? "" : " for “" + event.courseTitle() + "”"), event.message(),
				"/people/" + event.to().value() + "/kudos");
	}

	@ApplicationModuleListener
	void on(SignOffRequested event) {
		for (PersonId signer : event.signers()) {
			notifications.notify(signer, "Sign-off asked: " + event.personName() + ", “" + event.taskTitle() + "”",
					event.requestedBy() + " asks you to watch " + event.personName() + " do “" + event.taskTitle()
							+ "” and sign it off: it is evidence for “" + event.capabilityName() + "”.", event.link());
		}
	}

	@ApplicationModuleListener
	void on(DiscussionInvited event) {
		for (PersonId person : event.invitees()) {
			notifications.notify(person, event.ownerName() + " invites you to discuss their learning contract",
					"“" + event.cycleTitle() + "”: read the goals and comment on them."
							+ (event.message() == null ? "" : " " + event.ownerName() + " wrote: " + event.message()),
					"/cycles/" + event.cycleId().value());
		}
	}

	@ApplicationModuleListener
	void on(GoalCommented event) {
		String what = event.goalWhat() == null ? "a goal" : "“" + event.goalWhat() + "”";
		for (PersonId person : event.recipients()) {
			notifications.notify(person, event.authorName() + (event.reply() ? " replied on " : " commented on ") + what,
					event.body(), "/goals/" + event.goalId().value() + "#discussion");
		}
	}

	@ApplicationModuleListener
	void on(CheckInReminderDue event) {
		notifications.notify(event.person(), "How is “" + event.title() + "” going?",
				"A short check-in keeps your learning cycle on track: a note and progress per goal takes a minute. "
						+ "The cycle ends on " + event.endsOn() + ".",
				"/cycles/" + event.cycleId().value() + "/check-in");
	}

	@ApplicationModuleListener
	void on(GoalValidationRequested event) {
		String subject = (event.reminder() ? "Reminder: " : "") + event.requesterName() + " asks you to validate “"
				+ event.goalWhat() + "”";
		String body = (event.message() == null ? "" : event.message() + " ")
				+ "Look at what they learned and its evidence, then answer: validated, not yet, or decline.";
		notifications.notify(event.validator(), subject, body, "/validations#request-" + event.requestId());
	}

	@ApplicationModuleListener
	void on(GoalValidationAnswered event) {
		String verdict = switch (event.answer()) {
			case VALIDATED -> " validated “";
			case NOT_YET -> " says “not yet” on “";
			default -> " declined to validate “";
		};
		String body = (event.note() == null ? "" : event.note())
				+ (event.levelNote() == null ? "" : (event.note() == null ? "" : " ") + event.levelNote());
		notifications.notify(event.owner(), event.validatorName() + verdict + event.goalWhat() + "”",
				body.isEmpty() ? null : body, "/goals/" + event.goalId().value() + "/validation");
	}

	@ApplicationModuleListener
	void on(HelpOffered event) {
		notifications.notify(event.owner(), event.helperName() + " offers to help with “" + event.goalWhat() + "”",
				event.message(), "/goals/" + event.goalId().value() + "/help");
	}

	@ApplicationModuleListener
	void on(BadgeEarned event) {
		notifications.notify(event.person(), "You earned the badge “" + event.badgeName() + "”",
				"Stride issued it as a signed credential: share its public page or download it from My badges.",
				event.link());
	}

	@ApplicationModuleListener
	void on(BadgeRevoked event) {
		notifications.notify(event.person(), "Your badge “" + event.badgeName() + "” was revoked", event.reason(),
				"/badges");
	}

	@ApplicationModuleListener
	void on(InterventionRecorded event) {
		// the owner and the person it names hear of it (once when they are the same person)
		Set<PersonId> addressed = new LinkedHashSet<>();
		addressed.add(event.owner());
		if (event.person() != null) {
			addressed.add(event.person());
		}
		String subject = event.kind() == InterventionKind.PROPOSE_CYCLE_GOAL
				? "A learning goal was proposed in a team ritual" : "A team ritual addressed an intervention to you";
		for (PersonId person : addressed) {
			notifications.notify(person, subject, event.summary(), "/interventions");
		}
	}

	/**
	 * Heard in the lifecycle run's own transaction (not after it), as when analytics called notifications itself: it
	 * publishes the proposal instead, so that analytics does not depend on notification (which hears rhythm, which reads
	 * analytics' outcome indicators).
	 */
	@EventListener
	void on(CourseLifecycleProposed event) {
		notifications.notify(event.author(), event.subject(), event.body(), "/lifecycle/proposals");
	}

	@ApplicationModuleListener
	void on(PreReadReady event) {
		// in the ritual's time zone, as its team meets
		String subject = "Pre-read for " + event.ritualName() + " on "
				+ RitualTimes.formatter(RitualTimes.zone(event.timeZone()))
					.format(event.startsAt());
		for (PersonId manager : notifications.managersOfTeam(event.team())) {
			notifications.notify(manager, subject, event.markdown(), event.path());
		}
	}

	@ApplicationModuleListener
	void on(CommissionCreated event) {
		// one that goes over the budget waits for L&D: its author hears of it once it is funded
		if (event.author().equals(event.commissionedBy()) || event.waitingForFunding()) {
			return;
		}
		commissioned(event.author(), event.problem(), event.commission());
	}

	@ApplicationModuleListener
	void on(CommissionFunded event) {
		if (!event.author().equals(event.commissionedBy())) {
			commissioned(event.author(), event.problem(), event.commission());
		}
	}

	private void commissioned(PersonId author, String problem, CommissionId commission) {
		notifications.notify(author, "A module is commissioned from you",
				"The problem it solves: " + problem + " Open it to see the audience and due date, then "
						+ "“Draft from this commission”.",
				"/commissions/" + commission.value());
	}

	@ApplicationModuleListener
	void on(CommissionPublished event) {
		long days = (event.took().toHours() + 23) / 24;
		notifications.notify(event.commissionedBy(), "Your commissioned module is published: “" + event.courseTitle() + "”",
				"It took " + days + (days == 1 ? " day" : " days") + " from commission to publication. "
						+ "Assign it to the team from its page.",
				"/commissions/" + event.commission().value());
	}

	@ApplicationModuleListener
	void on(CommissionCancelled event) {
		if (event.author().equals(event.cancelledBy())) {
			return;
		}
		notifications.notify(event.author(), "A commission for you was cancelled",
				"The module about “" + event.problem() + "” is no longer needed.",
				"/commissions/" + event.commission().value());
	}

	@ApplicationModuleListener
	void on(LearningNeedAnswered event) {
		for (PersonId person : event.recipients()) {
			notifications.notify(person, "A need you share is answered: “" + event.courseTitle() + "”",
					"“" + event.what() + "”", "/learning-needs/" + event.need().value());
		}
	}

	@ApplicationModuleListener
	void on(BudgetApprovalRequested event) {
		for (PersonId person : event.approvers()) {
			notifications.notify(person, event.requestedByName() + (event.withoutBudget()
					? " asks to spend without a learning budget" : " asks to go over a learning budget"),
					event.description() + ": " + event.currency() + " " + event.amount()
							+ (event.withoutBudget() ? ". The team has no budget for this period." : "")
							+ ". Approve or decline it on the team's budget page.",
					"/teams/" + event.team().value() + "/budget");
		}
	}

	@ApplicationModuleListener
	void on(BudgetSpendDecided event) {
		notifications.notify(event.requestedBy(), (event.approved() ? "L&D approved going over the budget: "
				: "L&D declined going over the budget: ") + event.description(), event.note(),
				"/teams/" + event.team().value() + "/budget");
	}

	@ApplicationModuleListener
	void on(WebhookFailing event) {
		String what = "WEBHOOK".equals(event.kind()) ? "A webhook" : "A team's chat connection";
		for (PersonId admin : event.admins()) {
			notifications.notify(admin, what + " failed " + event.failures() + " deliveries in a row",
					"The last failure: " + event.lastError() + " Stride keeps the events and tries again, waiting "
							+ "longer each time; they are delivered in order once the receiver answers.",
					"/admin/integrations/" + event.subscriptionId());
		}
	}

	@ApplicationModuleListener
	void on(LrsForwardingFailing event) {
		for (PersonId admin : event.admins()) {
			notifications.notify(admin, "Forwarding to the LRS “" + event.name() + "” failed " + event.failures()
					+ " times in a row",
					"The last failure: " + event.lastError() + " Stride keeps the statements and tries again, waiting "
							+ "longer each time; they are sent in order once the LRS answers.",
					"/admin/xapi/forwarding/" + event.forwarderId());
		}
	}

	@ApplicationModuleListener
	void on(WebhookPaused event) {
		String what = "WEBHOOK".equals(event.kind()) ? "A webhook" : "A team's chat connection";
		for (PersonId admin : event.admins()) {
			notifications.notify(admin, what + " was paused: its receiver stays down",
					event.reason() + " Nothing more is queued for it until you resume it; resuming delivers what it "
							+ "kept, in order.",
					"/admin/integrations/" + event.subscriptionId());
		}
	}

	// --- development tracks (issue 18): entry requests, decisions, steps opening ---

	@ApplicationModuleListener
	void on(EnrolmentRequested event) {
		String who = event.personName().equals(event.requestedByName()) ? event.personName()
				: event.requestedByName() + " proposes " + event.personName();
		for (PersonId manager : event.managers()) {
			notifications.notify(manager, who + " asks to join “" + event.trackTitle() + "”",
					(event.note() == null ? "" : event.note() + " ") + "Approve or decline it, with a reason, in your entry requests.",
					"/enrolment-requests");
		}
		if (event.proposed()) {
			notifications.notify(event.person(), event.requestedByName() + " proposes you for “" + event.trackTitle() + "”",
					(event.note() == null ? "" : event.note() + " ") + "Your manager decides whether you join; you are told "
							+ "either way.",
					"/tracks/" + event.trackId().value());
		}
	}

	@ApplicationModuleListener
	void on(EnrolmentDecided event) {
		notifications.notify(event.person(), (event.approved() ? "You joined “" : "Not now: “") + event.trackTitle() + "”",
				event.approved() ? "Approved by " + event.decidedByName() + "." + (event.reason() == null ? "" : " " + event.reason())
						: event.decidedByName() + " declined: " + event.reason() + " You may ask again later.",
				"/tracks/" + event.trackId().value());
	}

	@ApplicationModuleListener
	void on(StepDeclined event) {
		notifications.notify(event.person(), "Not now: “" + event.stepTitle() + "”",
				event.decidedByName() + " declined this step of “" + event.trackTitle() + "”: " + event.reason()
						+ " It stays closed until they approve it.",
				"/tracks/" + event.trackId().value());
	}

	@ApplicationModuleListener
	void on(EnrolmentStepsReleased event) {
		// one notice per person per release run, whatever the number of steps and tracks
		for (StepReleaseNotice notice : trackProgress.noticesOf(event.run())) {
			var tracks = notice.tracks();
			String subject = notice.steps() == 1 ? "Open now: “" + tracks.get(0).stepTitles().get(0) + "”"
					: notice.steps() + " steps are open now";
			String body = tracks.stream().map(t -> "“" + t.trackTitle() + "”: " + String.join(", ", t.stepTitles()))
				.collect(Collectors.joining("; ")) + ".";
			notifications.notify(notice.person(), subject, body,
					tracks.size() == 1 ? "/tracks/" + tracks.get(0).trackId().value() : "/my/tracks");
		}
	}
}
