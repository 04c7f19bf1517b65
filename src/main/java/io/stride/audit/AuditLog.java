package io.stride.audit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseDrafted;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseRetired;
import io.stride.authoring.CourseSubmittedForReview;
import io.stride.authoring.CourseTierChanged;
import io.stride.authoring.CourseVersionStarted;
import io.stride.authoring.Reuse;
import io.stride.authoring.ReviewPolicyChanged;
import io.stride.badges.BadgeChanged;
import io.stride.badges.BadgeRevoked;
import io.stride.capability.AbsencesChanged;
import io.stride.capability.CapabilityChanged;
import io.stride.capability.CapabilityTargetChanged;
import io.stride.cycles.GoalValidationAnswered;
import io.stride.cycles.ValidationStatus;
import io.stride.identity.Organization;
import io.stride.identity.PersonErased;
import io.stride.identity.PersonId;
import io.stride.identity.PersonalDataExported;
import io.stride.identity.Viewer;
import io.stride.integration.LrsForwarderChanged;
import io.stride.media.MediaDeleted;
import io.stride.media.MediaUploaded;
import io.stride.review.Reviews;
import io.stride.rhythm.GapRecorded;
import io.stride.rhythm.HoursAllocated;
import io.stride.rhythm.InterventionClosed;
import io.stride.rhythm.InterventionDeleted;
import io.stride.rhythm.InterventionRecorded;
import io.stride.rhythm.ProposalAnswered;
import io.stride.rhythm.SessionHeld;
import io.stride.scim.ScimProvisioned;
import io.stride.scim.ScimTokenChanged;
import io.stride.shared.Csv;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.tracks.EnrolmentChanged;
import io.stride.tracks.TrackChanged;
import io.stride.xapi.XapiClientCreated;
import io.stride.xapi.XapiClientRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records state changes as they happen, in the same transaction as the change. There is no way to edit or
 * delete an entry through the application.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Organization organization;

	AuditLog(JdbcClient jdbc, Organization organization) {
		this.jdbc = jdbc;
		this.organization = organization;
	}

	@EventListener
	void on(CourseDrafted event) {
		record(event.author(), "COURSE_DRAFTED", "COURSE", event.courseId().value(), event.title(), null);
	}

	@EventListener
	void on(CourseTierChanged event) {
		StringBuilder detail = new StringBuilder(event.from() == null ? "tier " + event.to() : "tier " + event.from() + " -> " + event.to());
		detail.append("; Stride suggested ").append(event.suggested());
		if (event.to().ordinal() < event.suggested().ordinal()) {
			detail.append("; lower than suggested, reason: ").append(event.reason());
		}
		record(event.by(), event.from() == null ? "TIER_SET" : "TIER_CHANGED", "COURSE", event.courseId().value(),
				event.title(), detail.toString());
	}

	@EventListener
	void on(CourseSubmittedForReview event) {
		record(event.author(), "SUBMITTED_FOR_REVIEW", "COURSE", event.courseId().value(), event.title(),
				"version " + event.version() + ", " + event.tier() + " risk");
	}

	@EventListener
	void on(Reviews.ReviewStepApproved event) {
		record(event.by(), "REVIEW_STEP_APPROVED", "COURSE", event.courseId().value(), event.title(), event.step());
	}

	@EventListener
	void on(Reviews.ChangesRequested event) {
		record(event.by(), "CHANGES_REQUESTED", "COURSE", event.courseId().value(), event.title(), event.comment());
	}

	@EventListener
	void on(Reviews.ReviewRejected event) {
		record(event.by(), "REVIEW_REJECTED", "COURSE", event.courseId().value(), event.title(), event.reason());
	}

	@EventListener
	void on(ReviewPolicyChanged event) {
		record(event.by(), "REVIEW_POLICY_CHANGED", "POLICY", event.tier().name(), event.tier().label(), event.summary());
	}

	@EventListener
	void on(MediaUploaded event) {
		record(event.by(), "MEDIA_UPLOADED", "COURSE", event.courseId().value(), event.courseTitle(),
				event.kind() + " " + event.mediaId() + ", " + event.bytes() + " bytes");
	}

	@EventListener
	void on(MediaDeleted event) {
		record(event.by(), "MEDIA_DELETED", "COURSE", event.courseId().value(), event.courseTitle(),
				event.kind() + " " + event.mediaId());
	}

	@EventListener
	void on(CourseRetired event) {
		record(event.by(), "COURSE_RETIRED", "COURSE", event.courseId().value(), event.title(), null);
	}

	@EventListener
	void on(Reuse.ComponentReused event) {
		record(event.by(), "COMPONENT_REUSED", "COURSE", event.courseId().value(), event.title(),
				cut(event.mode() + " from course " + event.sourceCourseId().value() + ": " + event.sourceElementIds()
						+ " as " + event.elementIds(), 1990));
	}

	@EventListener
	void on(Reuse.ReusedElementDetached event) {
		record(event.by(), "REUSED_ELEMENT_DETACHED", "COURSE", event.courseId().value(), event.title(),
				"element " + event.elementId());
	}

	@EventListener
	void on(Reuse.ComponentUpdateAccepted event) {
		record(event.by(), "COMPONENT_UPDATE_ACCEPTED", "COURSE", event.courseId().value(), event.title(),
				"element " + event.elementId() + " to version " + event.version() + " of course "
						+ event.sourceCourseId().value());
	}

	@EventListener
	void on(Reuse.ComponentUpdateKept event) {
		record(event.by(), "COMPONENT_UPDATE_KEPT", "COURSE", event.courseId().value(), event.title(),
				"element " + event.elementId() + " kept over version " + event.version() + " of course "
						+ event.sourceCourseId().value());
	}

	@EventListener
	void on(CourseVersionStarted event) {
		record(event.by(), "NEW_VERSION_DRAFTED", "COURSE", event.courseId().value(), event.title(),
				"version " + event.version());
	}

	@EventListener
	void on(AbsencesChanged event) {
		record(event.by(), event.action(), "ABSENCE", event.subjectId(), event.subjectName(), event.detail());
	}

	@EventListener
	void on(CoursePublished event) {
		record(event.publishedBy(), "COURSE_PUBLISHED", "COURSE", event.courseId().value(), event.title(),
				"version " + event.version());
	}

	@EventListener
	void on(CapabilityTargetChanged event) {
		record(event.by(), event.minPeople() == 0 ? "CAPABILITY_TARGET_REMOVED" : "CAPABILITY_TARGET_SET", "TEAM",
				event.teamId().value(), event.teamName(), event.minPeople() == 0 ? event.capabilityName()
						: event.capabilityName() + ": at least " + event.minPeople() + " at " + event.levelName());
	}

	@EventListener
	void on(BadgeChanged event) {
		record(event.by(), "BADGE_" + event.change(), "BADGE", event.badgeId().value(), event.name(), event.detail());
	}

	@EventListener
	void on(BadgeRevoked event) {
		if (event.by() != null) {
			record(event.by(), "BADGE_REVOKED", "BADGE_CREDENTIAL", event.credentialId(), event.badgeName(), event.reason());
		}
	}

	@EventListener
	void on(CapabilityChanged event) {
		record(event.by(), "CAPABILITY_" + event.change(), "CAPABILITY", event.capabilityId().value(), event.name(),
				event.detail());
	}

	@EventListener
	void on(GoalValidationAnswered event) {
		if (event.answer() == ValidationStatus.VALIDATED) {
			record(event.validator(), "GOAL_VALIDATED", "GOAL", event.goalId().value(), event.goalWhat(),
					event.levelNote());
		}
	}

	// --- the operating rhythm: what sessions decide and what that does to people's time ---

	@EventListener
	void on(InterventionRecorded event) {
		record(event.by(), "INTERVENTION_RECORDED", "INTERVENTION", event.intervention().value(), event.summary(),
				"session " + event.session().value() + ", team " + event.team().value() + ", owner "
						+ event.owner().value() + (event.person() == null ? "" : ", person " + event.person().value()));
	}

	@EventListener
	void on(InterventionClosed event) {
		record(event.by(), "INTERVENTION_" + event.status(), "INTERVENTION", event.intervention().value(),
				event.description(), event.by() == null ? "done: the commissioned course was published"
						: event.kind().name() + ", session " + event.session().value());
	}

	@EventListener
	void on(ProposalAnswered event) {
		record(event.person(), "PROPOSAL_" + event.answer(), "INTERVENTION", event.intervention().value(),
				event.description(), "session " + event.session().value());
	}

	@EventListener
	void on(InterventionDeleted event) {
		record(event.by(), "INTERVENTION_DELETED", "INTERVENTION", event.intervention().value(), event.description(),
				event.kind().name() + ", session " + event.session().value());
	}

	@EventListener
	void on(SessionHeld event) {
		record(event.by(), "SESSION_HELD", "SESSION", event.session().value(), event.ritualName() + " of "
				+ event.startsAt(), event.gaps() + " gaps, " + event.interventions() + " interventions");
	}

	@EventListener
	void on(GapRecorded event) {
		record(event.by(), "GAP_RECORDED", "SESSION", event.session().value(), event.capabilityName(),
				"gap " + event.gap() + (event.people().isEmpty() ? "" : ", people " + String.join(" ",
						event.people().stream().map(PersonId::value).toList())));
	}

	@EventListener
	void on(HoursAllocated event) {
		record(event.by(), "HOURS_ALLOCATED", "LEARNING_PERIOD", event.period(), event.periodName(),
				"person " + event.person().value() + ": " + hours(event.before()) + " -> " + hours(event.hours())
						+ (event.intervention() == null ? "" : ", by intervention " + event.intervention().value()));
	}

	// --- development tracks: definitions and teams' versions, enrolments ---

	@EventListener
	void on(TrackChanged event) {
		record(event.by(), "TRACK_" + event.change(), "TRACK", event.trackId().value(), event.title(), event.detail());
	}

	@EventListener
	void on(EnrolmentChanged event) {
		record(event.by(), "ENROLMENT_" + event.change(), "TRACK_ENROLMENT", event.enrolmentId(), event.trackTitle(),
				event.detail());
	}

	// --- SCIM provisioning: tokens made by admins, changes made by identity providers (named by their token) ---

	@EventListener
	void on(ScimTokenChanged event) {
		record(event.by(), "SCIM_TOKEN_" + event.change(), "SCIM_TOKEN", event.tokenId(), event.tokenName(), null);
	}

	@EventListener
	void on(ScimProvisioned event) {
		recordAs(event.tokenName(), "SCIM_" + event.action(), event.subjectType(), event.subjectId(), event.subjectName(),
				event.detail());
	}

	/** An entry whose actor is not a person (a provisioning client), named as it was at the time. */
	private void recordAs(String actorName, String action, String subjectType, String subjectId, String subjectName,
			String detail) {
		jdbc.sql("INSERT INTO audit_events (id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, "
				+ "subject_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), Timestamp.from(Instant.now()), null, cut(actorName, 120), action, subjectType, subjectId,
					cut(subjectName, 200), cut(detail, 2000))
			.update();
	}

	// --- personal data: the erasure names the pseudonym only (ADR 0041) ---

	@EventListener
	void on(PersonalDataExported event) {
		record(event.by(), "PERSONAL_DATA_EXPORTED", "PERSON", event.person().value(), event.name(),
				"format " + event.format());
	}

	@EventListener
	void on(PersonErased event) {
		record(event.by(), "PERSON_ERASED", "PERSON", event.person().value(), event.pseudonym(),
				"personal data removed or pseudonymized; learning records kept under the pseudonym");
	}

	@EventListener
	void on(XapiClientCreated event) {
		record(event.by(), "XAPI_CLIENT_CREATED", "XAPI_CLIENT", event.clientId(), event.name(), "scopes " + event.scopes());
	}

	@EventListener
	void on(XapiClientRevoked event) {
		record(event.by(), "XAPI_CLIENT_REVOKED", "XAPI_CLIENT", event.clientId(), event.name(), null);
	}

	@EventListener
	void on(LrsForwarderChanged event) {
		record(event.by(), "LRS_FORWARDER_CHANGED", "LRS_FORWARDER", event.forwarderId(), event.name(), event.what());
	}

	private static String hours(BigDecimal hours) {
		return hours == null ? "none" : hours.stripTrailingZeros().toPlainString() + " h";
	}

	private void record(PersonId actor, String action, String subjectType, String subjectId, String subjectName,
			String detail) {
		String actorName = actor == null ? null : organization.viewerOf(actor).name();
		jdbc.sql("INSERT INTO audit_events (id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, "
				+ "subject_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), Timestamp.from(Instant.now()), actor == null ? null : actor.value(), actorName, action,
					subjectType, subjectId, cut(subjectName, 200), cut(detail, 2000))
			.update();
	}

	public record Page(List<AuditEntry> entries, int page, int pages, long total) {
	}

	/** Newest first, for admins. */
	@Transactional(readOnly = true)
	public Page page(Viewer viewer, String subjectId, int page, int size) {
		requireAdmin(viewer);
		String where = subjectId == null || subjectId.isBlank() ? "" : "WHERE subject_id = :subject ";
		var count = jdbc.sql("SELECT COUNT(*) FROM audit_events " + where);
		var select = jdbc.sql("SELECT id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, subject_name, "
				+ "detail FROM audit_events " + where + "ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset");
		if (!where.isEmpty()) {
			count = count.param("subject", subjectId);
			select = select.param("subject", subjectId);
		}
		long total = count.query(Long.class).single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int current = Math.min(Math.max(page, 1), pages);
		List<AuditEntry> entries = select.param("limit", size)
			.param("offset", (current - 1) * size)
			.query((rs, n) -> new AuditEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
		return new Page(entries, current, pages, total);
	}

	/** Every entry as CSV, oldest first, for admins. */
	@Transactional(readOnly = true)
	public void exportCsv(Viewer viewer, Writer out) throws IOException {
		requireAdmin(viewer);
		out.write("occurred_at,actor_id,actor_name,action,subject_type,subject_id,subject_name,detail\r\n");
		List<AuditEntry> all = jdbc.sql("SELECT id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, "
				+ "subject_name, detail FROM audit_events ORDER BY occurred_at, id")
			.query((rs, n) -> new AuditEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
		for (AuditEntry e : all) {
			out.write(String.join(",", csv(e.occurredAt().toString()), csv(e.actorId()), csv(e.actorName()), csv(e.action()),
					csv(e.subjectType()), csv(e.subjectId()), csv(e.subjectName()), csv(e.detail())) + "\r\n");
		}
	}

	static String csv(String value) {
		return Csv.text(value);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins can read the audit log.");
		}
	}
}
