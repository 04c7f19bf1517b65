package io.stride.practice.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.practice.internal.Fsrs.Rating;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Review cards keyed by learner, course and question id, and the reviews done on them. A card stores only the
 * question's id: the question itself is read from the course version the learner took, so cards work for any
 * question a course holds.
 */
@Repository
public class Cards {

	private static final String CARD = "SELECT id, person_id, course_id, question_id, stability, difficulty, reviews, "
			+ "lapses, last_review_at, due_on FROM practice_cards ";

	private static final String REVIEW = "SELECT id, card_id, person_id, course_id, question_id, review_number, "
			+ "reviewed_at, rating, correct, selected, due_on FROM practice_reviews ";

	private final JdbcClient jdbc;

	Cards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Card(String id, PersonId personId, CourseId courseId, String questionId, double stability,
			double difficulty, int reviews, int lapses, Instant lastReviewAt, LocalDate dueOn) {

		public Fsrs.Memory memory() {
			return new Fsrs.Memory(stability, difficulty);
		}
	}

	public record Review(String id, String cardId, PersonId personId, CourseId courseId, String questionId, int number,
			Instant reviewedAt, Rating rating, boolean correct, List<Integer> selected, LocalDate dueOn) {
	}

	public void insert(Card card, Instant createdAt) {
		jdbc.sql("INSERT INTO practice_cards (id, person_id, course_id, question_id, stability, difficulty, reviews, lapses, "
				+ "last_review_at, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(card.id(), card.personId().value(), card.courseId().value(), card.questionId(), card.stability(),
					card.difficulty(), card.reviews(), card.lapses(), Timestamp.from(card.lastReviewAt()),
					Date.valueOf(card.dueOn()), Timestamp.from(createdAt))
			.update();
	}

	public Optional<Card> find(String id) {
		return jdbc.sql(CARD + "WHERE id = ?").param(id).query(this::mapCard).optional();
	}

	public List<Card> of(PersonId person, CourseId course) {
		return jdbc.sql(CARD + "WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(this::mapCard)
			.list();
	}

	public List<Card> ofPeople(Collection<PersonId> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CARD + "WHERE person_id = ANY(:people)")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.query(this::mapCard)
			.list();
	}

	/** Cards due on or before the day, oldest due first; the order is stable so a reload shows the same card. */
	public List<Card> due(PersonId person, LocalDate day) {
		return jdbc.sql(CARD + "WHERE person_id = ? AND due_on <= ? ORDER BY due_on, course_id, question_id")
			.params(person.value(), Date.valueOf(day))
			.query(this::mapCard)
			.list();
	}

	public Optional<LocalDate> nextDueAfter(PersonId person, LocalDate day) {
		return jdbc.sql("SELECT due_on FROM practice_cards WHERE person_id = ? AND due_on > ? ORDER BY due_on FETCH FIRST 1 ROWS ONLY")
			.params(person.value(), Date.valueOf(day))
			.query((rs, n) -> rs.getDate(1).toLocalDate())
			.list()
			.stream()
			.findFirst();
	}

	/** Saves the new state if nobody reviewed the card since {@code reviewsBefore} was read; answers whether it did. */
	public boolean update(Card card, int reviewsBefore) {
		return jdbc.sql("UPDATE practice_cards SET stability = ?, difficulty = ?, reviews = ?, lapses = ?, last_review_at = ?, "
				+ "due_on = ? WHERE id = ? AND reviews = ?")
			.params(card.stability(), card.difficulty(), card.reviews(), card.lapses(), Timestamp.from(card.lastReviewAt()),
					Date.valueOf(card.dueOn()), card.id(), reviewsBefore)
			.update() == 1;
	}

	public void delete(Collection<String> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("DELETE FROM practice_cards WHERE id IN (:ids)").param("ids", List.copyOf(ids)).update();
		}
	}

	public void insert(Review review, LocalDate reviewedOn, int elapsedDays, Fsrs.Memory memory) {
		jdbc.sql("INSERT INTO practice_reviews (id, card_id, person_id, course_id, question_id, review_number, reviewed_at, "
				+ "reviewed_on, rating, correct, selected, elapsed_days, stability, difficulty, due_on) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(review.id(), review.cardId(), review.personId().value(), review.courseId().value(), review.questionId(),
					review.number(), Timestamp.from(review.reviewedAt()), Date.valueOf(reviewedOn), review.rating().name(),
					review.correct(), String.join(",", review.selected().stream().map(String::valueOf).toList()),
					elapsedDays, memory.stability(), memory.difficulty(), Date.valueOf(review.dueOn()))
			.update();
	}

	public Optional<Review> review(String id) {
		return jdbc.sql(REVIEW + "WHERE id = ?").param(id).query(this::mapReview).optional();
	}

	public Optional<Review> review(String cardId, int number) {
		return jdbc.sql(REVIEW + "WHERE card_id = ? AND review_number = ?")
			.params(cardId, number)
			.query(this::mapReview)
			.optional();
	}

	public int reviewsOn(PersonId person, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM practice_reviews WHERE person_id = ? AND reviewed_on = ?")
			.params(person.value(), Date.valueOf(day))
			.query(Integer.class)
			.single();
	}

	public int successfulReviews(PersonId person, CourseId course) {
		return jdbc.sql("SELECT COUNT(*) FROM practice_reviews WHERE person_id = ? AND course_id = ? AND correct = TRUE")
			.params(person.value(), course.value())
			.query(Integer.class)
			.single();
	}

	public record ReviewDay(PersonId personId, CourseId courseId, LocalDate day) {
	}

	/**
	 * The days of each person's newest {@code newest} successful reviews per course, newest first, in one query: the
	 * window numbers each pair's reviews so the database hands back only the rows asked for.
	 */
	public List<ReviewDay> newestSuccessfulReviewDays(Collection<PersonId> people, Collection<CourseId> courses,
			int newest) {
		if (people.isEmpty() || courses.isEmpty() || newest <= 0) {
			return List.of();
		}
		return jdbc.sql("SELECT person_id, course_id, reviewed_on FROM (SELECT person_id, course_id, reviewed_on, "
				+ "ROW_NUMBER() OVER (PARTITION BY person_id, course_id ORDER BY reviewed_at DESC, id DESC) AS n "
				+ "FROM practice_reviews WHERE correct = TRUE AND person_id = ANY(:people) AND course_id = ANY(:courses)) r "
				+ "WHERE n <= :newest ORDER BY person_id, course_id, n")
			.param("people", SqlArrays.varchars(people.stream().map(PersonId::value).toList()))
			.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
			.param("newest", newest)
			.query((rs, n) -> new ReviewDay(new PersonId(rs.getString(1)), new CourseId(rs.getString(2)),
					rs.getDate(3).toLocalDate()))
			.list();
	}

	/** Everyone with a successful review of any of these courses. */
	public Set<PersonId> peopleWithSuccessfulReviews(Collection<CourseId> courses) {
		Set<PersonId> people = new LinkedHashSet<>();
		if (!courses.isEmpty()) {
			jdbc.sql("SELECT DISTINCT person_id FROM practice_reviews WHERE correct = TRUE AND course_id = ANY(:courses)")
				.param("courses", SqlArrays.varchars(courses.stream().map(CourseId::value).toList()))
				.query((rs, n) -> new PersonId(rs.getString(1)))
				.list()
				.forEach(people::add);
		}
		return people;
	}

	private Card mapCard(ResultSet rs, int n) throws SQLException {
		return new Card(rs.getString(1), new PersonId(rs.getString(2)), new CourseId(rs.getString(3)), rs.getString(4),
				rs.getDouble(5), rs.getDouble(6), rs.getInt(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
				rs.getDate(10).toLocalDate());
	}

	private Review mapReview(ResultSet rs, int n) throws SQLException {
		String selected = rs.getString(10);
		return new Review(rs.getString(1), rs.getString(2), new PersonId(rs.getString(3)), new CourseId(rs.getString(4)),
				rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), Rating.valueOf(rs.getString(8)),
				rs.getBoolean(9), selected.isEmpty() ? List.of() : Arrays.stream(selected.split(",")).map(Integer::valueOf).toList(),
				rs.getDate(11).toLocalDate());
	}
}
