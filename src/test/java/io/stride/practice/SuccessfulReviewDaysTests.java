package io.stride.practice;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The days of a person's newest successful spaced reviews per course, as capability evidence counts them: wrong
 * answers, other courses and other people are left out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class SuccessfulReviewDaysTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	Practice practice;

	@Autowired
	MovableClock clock;

	Org org;

	Course reviews;

	Course escalations;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		reviews = fixtures.publishedCourse(author, "Executive business reviews " + org.suffix());
		escalations = fixtures.publishedCourse(author, "Complex escalations " + org.suffix());
	}

	@Test
	void theNewestSuccessfulReviewDaysComeNewestFirst() {
		pass(org.learnerA(), reviews);
		pass(org.learnerA(), escalations);
		pass(org.learnerB(), reviews);

		clock.advance(Duration.ofDays(3));
		LocalDate first = today();
		List<Answered> day1 = review(org.learnerA(), card -> true);
		assertThat(day1).hasSize(4);
		assertThat(review(org.learnerB(), card -> false)).hasSize(2);

		clock.advance(Duration.ofDays(400));
		LocalDate second = today();
		// of the reviews course, only the first card comes back right on the second day
		List<String> rightOnce = new ArrayList<>();
		List<Answered> day2 = review(org.learnerA(), card -> !card.courseId().equals(reviews.id())
				|| rightOnce.isEmpty() && rightOnce.add(card.cardId()));
		assertThat(day2).hasSize(4);
		assertThat(right(day2, reviews)).isEqualTo(1);

		// at least the card answered wrong is due again; escalations come back wrong
		clock.advance(Duration.ofDays(400));
		LocalDate third = today();
		List<Answered> day3 = review(org.learnerA(), card -> card.courseId().equals(reviews.id()));
		assertThat(right(day3, reviews)).isPositive();

		List<LocalDate> expectedReviews = days(third, right(day3, reviews), second, right(day2, reviews), first,
				right(day1, reviews));
		List<Practice.SuccessfulReviews> newest = practice.successfulReviewDays(List.of(org.learnerA(), org.learnerB()),
				List.of(reviews.id()), 3);
		assertThat(newest).hasSize(1);
		assertThat(newest.get(0).personId()).isEqualTo(org.learnerA());
		assertThat(newest.get(0).courseId()).isEqualTo(reviews.id());
		assertThat(newest.get(0).days()).containsExactlyElementsOf(expectedReviews.subList(0, 3));

		List<Practice.SuccessfulReviews> all = practice.successfulReviewDays(List.of(org.learnerA()),
				List.of(reviews.id(), escalations.id()), 20);
		assertThat(all).filteredOn(r -> r.courseId().equals(reviews.id()))
			.singleElement()
			.satisfies(r -> assertThat(r.days()).containsExactlyElementsOf(expectedReviews));
		assertThat(all).filteredOn(r -> r.courseId().equals(escalations.id()))
			.singleElement()
			.satisfies(r -> assertThat(r.days()).containsExactly(second, second, first, first));

		assertThat(practice.successfulReviewDays(List.of(org.learnerA()), List.of(reviews.id()), 0)).isEmpty();
		assertThat(practice.peopleWithSuccessfulReviews(List.of(reviews.id()))).containsExactly(org.learnerA());
		assertThat(practice.peopleWithSuccessfulReviews(List.of(escalations.id()))).containsExactly(org.learnerA());
	}

	private record Answered(io.stride.authoring.CourseId courseId, boolean right) {
	}

	/** Answers every card due today, right when {@code right} says so. */
	private List<Answered> review(PersonId person, Predicate<ReviewCard> right) {
		Viewer learner = fixtures.viewer(person);
		List<Answered> answered = new ArrayList<>();
		for (ReviewCard card = practice.queue(learner).next(); card != null; card = practice.queue(learner).next()) {
			Question question = card.question();
			boolean correct = right.test(card);
			practice.answer(learner, card.cardId(), card.reviewNumber(), correct ? question.correct() : wrongAnswer(question),
					Feeling.AS_EXPECTED);
			answered.add(new Answered(card.courseId(), correct));
		}
		return answered;
	}

	private static int right(List<Answered> answered, Course course) {
		return (int) answered.stream().filter(a -> a.right() && a.courseId().equals(course.id())).count();
	}

	/** Each day repeated as often as it was given, in the order given. */
	private static List<LocalDate> days(Object... dayThenCount) {
		List<LocalDate> days = new ArrayList<>();
		for (int i = 0; i < dayThenCount.length; i += 2) {
			for (int n = 0; n < (Integer) dayThenCount[i + 1]; n++) {
				days.add((LocalDate) dayThenCount[i]);
			}
		}
		return days;
	}

	private void pass(PersonId person, Course course) {
		List<Answer> answers = course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList();
		assessment.submit(fixtures.viewer(person), course.id(), answers, Ids.newId());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static List<Integer> wrongAnswer(Question question) {
		for (int i = 0; i < question.options().size(); i++) {
			if (!question.correct().contains(i)) {
				return List.of(i);
			}
		}
		throw new IllegalStateException("every option is right");
	}
}
