package io.stride.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people what concerns them: in the app always, and by email when an SMTP server is configured
 * ({@code spring.mail.host}). A mail that can't be sent is logged (without its content) and stays in the app.
 */
@Service
@Transactional
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final Organization organization;

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String baseUrl;

	Notifications(JdbcClient jdbc, Organization organization, ObjectProvider<JavaMailSender> mail,
			@Value("${stride.mail.from:stride@localhost}") String from, @Value("${stride.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.organization = organization;
		this.mail = mail;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public record Notification(String id, String subject, String body, String link, Instant createdAt, boolean read) {
	}

	public record Page(List<Notification> items, int page, int pages, long total) {
	}

	/** The team's nearest managers (its own, or those of the nearest team above that has some). */
	public List<PersonId> managersOfTeam(TeamId team) {
		return organization.managersOfTeam(team);
	}

	/** Records the notification and emails it; {@code link} is a path inside Stride. */
	public void notify(PersonId person, String subject, String body, String link) {
		Person recipient = organization.contactOf(person).orElse(null);
		if (recipient == null) {
			return;
		}
		String id = Ids.newId();
		String s = cut(subject, 300);
		String b = cut(body, 4000);
		jdbc.sql("INSERT INTO notifications (id, person_id, subject, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, person.value(), s, b, link, Timestamp.from(Instant.now()))
			.update();
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(recipient.email());
		message.setSubject("[Stride] " + s);
		message.setText("Hello " + recipient.name() + ",\n\n" + (b == null ? "" : b + "\n\n")
				+ (link == null ? "" : "Open it in Stride: " + baseUrl + link + "\n\n")
				+ "You get this because you use Stride. The same message is under Notifications in the app.\n");
		try {
			sender.send(message);
			jdbc.sql("UPDATE notifications SET emailed = TRUE WHERE id = ?").param(id).update();
		}
		catch (MailException e) {
			log.warn("Could not send notification {} by email: {}", id, e.getClass().getSimpleName());
		}
	}

	@Transactional(readOnly = true)
	public long unread(Viewer viewer) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND read_at IS NULL")
			.param(viewer.id().value())
			.query(Long.class)
			.single();
	}

	/** How many of the viewer's notifications came since they last looked at the list: the navigation's count. */
	@Transactional(readOnly = true)
	public long unseen(Viewer viewer) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND seen_at IS NULL AND read_at IS NULL")
			.param(viewer.id().value())
			.query(Long.class)
			.single();
	}

	/** The viewer looked at their notifications: the navigation stops counting them; they stay unread. */
	public void markAllSeen(Viewer viewer) {
		jdbc.sql("UPDATE notifications SET seen_at = ? WHERE person_id = ? AND seen_at IS NULL")
			.params(Timestamp.from(Instant.now()), viewer.id().value())
			.update();
	}

	/** The viewer's own notifications, newest first. */
	@Transactional(readOnly = true)
	public Page page(Viewer viewer, int page) {
		long total = jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ?")
			.param(viewer.id().value())
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int p = Math.min(Math.max(page, 1), pages);
		List<Notification> items = jdbc.sql("SELECT id, subject, body, link, created_at, read_at FROM notifications "
				+ "WHERE person_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(viewer.id().value(), PAGE_SIZE, (p - 1) * PAGE_SIZE)
			.query((rs, n) -> new Notification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null))
			.list();
		return new Page(items, p, pages, total);
	}

	/** Marks all the viewer's notifications read; answers how many were unread. */
	public int markAllRead(Viewer viewer) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc.sql("UPDATE notifications SET read_at = ?, seen_at = COALESCE(seen_at, ?) WHERE person_id = ? AND read_at IS NULL")
			.params(now, now, viewer.id().value())
			.update();
	}

	private static String cut(String text, int max) {
		if (text == null) {
			return null;
		}
		return text.length() > max ? text.substring(0, max - 1) + "…" : text;
	}
}
