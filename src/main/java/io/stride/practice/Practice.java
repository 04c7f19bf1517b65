package io.stride.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.practice.internal.Cards;
import io.stride.practice.internal.Cards.Card;
import io.stride.practice.internal.Fsrs;
import io.stride.practice.internal.NewCards;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily review queue and retention. Learners see and answer only their own cards; managers see retention of
 * the teams they manage (and the teams below), aggregated per course. Days are UTC days from the {@link Clock}.
 */
@Service
@Transactional
public class Practice {

	/** At most this many reviews per learner and day, so that a long absence does not become a wall of questions. */
	public static final int DAILY_LIMIT = 20;

	private final Cards cards;

	private final Authoring authoring;

	private final Organization organization;

	private final LearningRecord record;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Practice(Cards cards, Authoring authoring, Organization organization, LearningRecord record,
			ApplicationEventPublisher events, Clock clock) {
		this.cards = cards;
		this.authoring = authoring;
		this.organization = organization;
		this.record = record;
		this.events = events;
		this.clock = clock;
	}

	/** Courses with questions due today, for showing "review due" beside the learner's courses. */
	@Transactional(readOnly = true)
	public List<DueReview> dueToday(Viewer learner) {
		Map<CourseId, Integer> counts = new LinkedHashMap<>();
		Questions questions = new Questions(learner.id());
		for (Card card : cards.due(learner.id(), today())) {
			if (questions.of(card).isPresent()) {
				counts.merge(card.courseId(), 1, Integer::sum);
			}
		}
		Map<CourseId, String> titles = authoring.titles(List.copyOf(counts.keySet()));
		return counts.entrySet()
			.stream()
			.map(e -> new DueReview(e.getKey(), titles.getOrDefault(e.getKey(), "(removed course)"), e.getValue()))
			.toList();
	}

	/** Reviews of the course's questions the person answered right: evidence for mastery. */
	@Transactional(readOnly = true)
	public int successfulReviews(PersonId person, CourseId course) {
		return cards.successfulReviews(person, course);
	}

	@Transactional(readOnly = true)
	public ReviewQueue queue(Viewer learner) {
		LocalDate today = today();
		int done = cards.reviewsOn(learner.id(), today);
		int left = Math.max(0, DAILY_LIMIT - done);
		Questions questions = new Questions(learner.id());
		List<Card> dueCards = new ArrayList<>(cards.due(learner.id(), today));
		// oldest first; within a course, in the quiz's order
		dueCards.sort(Comparator.comparing(Card::dueOn)
			.thenComparing(card -> card.courseId().value())
			.thenComparing(questions::position));
		List<ReviewCard> due = new ArrayList<>();
		for (Card card : dueCards) {
			questions.of(card).ifPresent(question -> due.add(new ReviewCard(card.id(), card.courseId(),
					questions.title(card.courseId()), question, card.reviews())));
		}
		boolean limitReached = left == 0 && !due.isEmpty();
		LocalDate next = limitReached ? today.plusDays(1) : cards.nextDueAfter(learner.id(), today).orElse(null);
		return new ReviewQueue(left == 0 || due.isEmpty() ? null : due.get(0), Math.min(left, due.size()), done,
				limitReached, next);
	}

	/**
	 * Grades an answer to a due card and schedules the card again: wrong is Again; right is Good, or Hard or Easy
	 * when the learner says so. Sending the same {@code reviewNumber} again returns the first result.
	 */
	public ReviewOutcome answer(Viewer learner, String cardId, int reviewNumber, List<Integer> selected, Feeling feeling) {
		Card card = ownCard(learner, cardId);
		if (reviewNumber != card.reviews()) {
			return cards.review(cardId, reviewNumber)
				.map(review -> outcome(review, true))
				.orElseThrow(() -> new ConflictException("This question was answered elsewhere in the meantime; open the "
						+ "review queue again."));
		}
		Questions questions = new Questions(learner.id());
		Question question = questions.of(card).orElseThrow(() -> new NotFoundException("Review card"));
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (card.dueOn().isAfter(today)) {
			throw new ConflictException("This question is not due for review until " + card.dueOn() + ".");
		}
		if (cards.reviewsOn(learner.id(), today) >= DAILY_LIMIT) {
			throw new ConflictException("That was today's " + DAILY_LIMIT + " reviews; the rest wait until tomorrow.");
		}
		List<Integer> answer = checked(question, selected);
		boolean correct = question.isAnsweredCorrectlyBy(answer);
		Fsrs.Rating rating = rating(correct, feeling);
		int elapsed = (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(card.lastReviewAt(), ZoneOffset.UTC), today);
		Fsrs.Memory memory = Fsrs.next(card.memory(), elapsed, rating);
		LocalDate due = today.plusDays(Fsrs.intervalDays(memory.stability()));
		Card updated = new Card(card.id(), card.personId(), card.courseId(), card.questionId(), memory.stability(),
				memory.difficulty(), card.reviews() + 1, card.lapses() + (correct ? 0 : 1), now, due);
		if (!cards.update(updated, card.reviews())) {
			// the same answer sent twice at once: the first one counts, the second gets its result
			return cards.review(cardId, reviewNumber)
				.map(review -> outcome(review, true))
				.orElseThrow(() -> new ConflictException("This question was answered elsewhere in the meantime; open "
						+ "the review queue again."));
		}
		Cards.Review review = new Cards.Review(Ids.newId(), card.id(), learner.id(), card.courseId(), card.questionId(),
				reviewNumber, now, rating, correct, answer, due);
		cards.insert(review, today, elapsed, memory);
		record.record(new LearningAction(learner.id(), learner.name(), Verb.ANSWERED, ActivityType.QUESTION,
				question.id(), question.prompt(), card.courseId().value(),
				Result.answer(String.join("[,]", answer.stream().map(String::valueOf).toList()), correct)));
		events.publishEvent(new ReviewAnswered(learner.id(), card.courseId(), card.questionId(), correct));
		return outcome(review, false);
	}

	/** A review the learner did, for the feedback page. */
	@Transactional(readOnly = true)
	public ReviewOutcome review(Viewer learner, String reviewId) {
		Cards.Review review = cards.review(reviewId)
			.filter(r -> r.personId().equals(learner.id()))
			.orElseThrow(() -> new NotFoundException("Review"));
		return outcome(review, false);
	}

	/** The learner's predicted recall per course, lowest first. */
	@Transactional(readOnly = true)
	public List<CourseRetention> retention(Viewer learner) {
		Map<CourseId, List<Card>> byCourse = new LinkedHashMap<>();
		cards.ofPeople(List.of(learner.id())).forEach(card -> byCourse.computeIfAbsent(card.courseId(), k -> new ArrayList<>()).add(card));
		Map<CourseId, String> titles = authoring.titles(List.copyOf(byCourse.keySet()));
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<CourseRetention> result = new ArrayList<>();
		byCourse.forEach((course, list) -> result.add(new CourseRetention(course, titles.getOrDefault(course, "(removed course)"),
				list.size(), meanRecall(list, now), (int) list.stream().filter(card -> !card.dueOn().isAfter(today)).count(),
				list.stream().map(Card::dueOn).min(Comparator.naturalOrder()).orElse(null))));
		result.sort(Comparator.comparingDouble(CourseRetention::recall).thenComparing(CourseRetention::title));
		return result;
	}

	/** Retention per course for a team the viewer manages (with the teams below it); 404 for other teams. */
	@Transactional(readOnly = true)
	public List<TeamRetention> teamRetention(Viewer manager, TeamId teamId) {
		organization.managedTeam(manager, teamId);
		List<PersonId> members = organization.membersOfTeamTree(teamId).stream().map(Person::id).toList();
		Map<CourseId, Map<PersonId, List<Card>>> byCourse = new LinkedHashMap<>();
		for (Card card : cards.ofPeople(members)) {
			byCourse.computeIfAbsent(card.courseId(), k -> new LinkedHashMap<>())
				.computeIfAbsent(card.personId(), k -> new ArrayList<>())
				.add(card);
		}
		Map<CourseId, String> titles = authoring.titles(List.copyOf(byCourse.keySet()));
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<TeamRetention> result = new ArrayList<>();
		byCourse.forEach((course, people) -> {
			List<Double> recalls = people.values().stream().map(list -> meanRecall(list, now)).toList();
			int due = (int) people.values().stream().flatMap(List::stream).filter(card -> !card.dueOn().isAfter(today)).count();
			result.add(new TeamRetention(course, titles.getOrDefault(course, "(removed course)"), people.size(),
					recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0),
					(int) recalls.stream().filter(r -> r < Fsrs.REQUESTED_RETENTION).count(), due));
		});
		result.sort(Comparator.comparing(TeamRetention::title));
		return result;
	}

	/** A card of the learner's that is due and answerable now, for the API. */
	@Transactional(readOnly = true)
	public ReviewCard card(Viewer learner, String cardId) {
		Card card = ownCard(learner, cardId);
		Questions questions = new Questions(learner.id());
		Question question = questions.of(card).orElseThrow(() -> new NotFoundException("Review card"));
		return new ReviewCard(card.id(), card.courseId(), questions.title(card.courseId()), question, card.reviews());
	}

	private Card ownCard(Viewer learner, String cardId) {
		return cards.find(cardId)
			.filter(card -> card.personId().equals(learner.id()))
			.orElseThrow(() -> new NotFoundException("Review card"));
	}

	private ReviewOutcome outcome(Cards.Review review, boolean replayed) {
		Questions questions = new Questions(review.personId());
		Course course = questions.course(review.courseId());
		Question question = course.question(review.questionId()).orElseThrow(() -> new NotFoundException("Review"));
		LocalDate reviewedOn = LocalDate.ofInstant(review.reviewedAt(), ZoneOffset.UTC);
		return new ReviewOutcome(review.id(), review.cardId(), review.courseId(), course.title(), question,
				review.selected(), review.correct(), review.rating().name(), review.dueOn(),
				(int) ChronoUnit.DAYS.between(reviewedOn, review.dueOn()), replayed);
	}

	private static Fsrs.Rating rating(boolean correct, Feeling feeling) {
		if (!correct) {
			return Fsrs.Rating.AGAIN;
		}
		if (feeling == Feeling.HARD) {
			return Fsrs.Rating.HARD;
		}
		return feeling == Feeling.EASY ? Fsrs.Rating.EASY : Fsrs.Rating.GOOD;
	}

	/** The selection as the question's kind expects it; an ordering must use every option once. */
	private static List<Integer> checked(Question question, List<Integer> selected) {
		List<Integer> answer = selected == null ? List.of() : selected.stream().map(i -> i == null ? -1 : i).toList();
		if (answer.isEmpty()) {
			throw new InvalidInputException("selected", "Choose an answer first.");
		}
		if (answer.stream().anyMatch(i -> i < 0 || i >= question.options().size())) {
			throw new InvalidInputException("selected", "An answer selects an option that does not exist.");
		}
		if (question.kind().ordered()) {
			if (answer.size() != question.options().size() || new HashSet<>(answer).size() != answer.size()) {
				throw new InvalidInputException("selected", "Put every step in a place of its own.");
			}
			return answer;
		}
		if (question.kind().singleAnswer() && new HashSet<>(answer).size() > 1) {
			throw new InvalidInputException("selected", "Choose one option.");
		}
		return answer.stream().distinct().sorted().toList();
	}

	private static double meanRecall(List<Card> list, Instant now) {
		return list.stream()
			.mapToDouble(card -> Fsrs.retrievability(Duration.between(card.lastReviewAt(), now).toSeconds() / 86_400.0,
					card.stability()))
			.average()
			.orElse(0);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** Questions of the version each course was delivered to the learner in, each course read once. */
	private final class Questions {

		private final PersonId learner;

		private final Map<CourseId, Optional<Course>> courses = new HashMap<>();

		Questions(PersonId learner) {
			this.learner = learner;
		}

		Optional<Question> of(Card card) {
			return courseIfAny(card.courseId()).filter(NewCards::reviewable)
				.flatMap(course -> course.question(card.questionId()))
				.filter(NewCards::reviewable);
		}

		int position(Card card) {
			List<Question> quiz = courseIfAny(card.courseId()).map(c -> c.quiz().questions()).orElse(List.of());
			for (int i = 0; i < quiz.size(); i++) {
				if (quiz.get(i).id().equals(card.questionId())) {
					return i;
				}
			}
			return Integer.MAX_VALUE;
		}

		Course course(CourseId id) {
			return courseIfAny(id).orElseThrow(() -> new NotFoundException("Course"));
		}

		String title(CourseId id) {
			return courseIfAny(id).map(Course::title).orElse("(removed course)");
		}

		/** Checked through the titles first: a not-found thrown inside the transaction would mark it for rollback. */
		private Optional<Course> courseIfAny(CourseId id) {
			return courses.computeIfAbsent(id, key -> authoring.titles(List.of(key)).isEmpty() ? Optional.empty()
					: Optional.of(authoring.deliveredTo(learner, key)));
		}
	}

	/** A person's successful review days of a course, newest first (at most the newest asked for). */
	public record SuccessfulReviews(PersonId personId, CourseId courseId, List<LocalDate> days) {
	}

	/** For each of these people and courses with successful reviews: the days of the newest {@code newest}. */
	@Transactional(readOnly = true)
	public List<SuccessfulReviews> successfulReviewDays(Collection<PersonId> people,
			Collection<CourseId> courses, int newest) {
		Map<List<String>, SuccessfulReviews> byPair = new LinkedHashMap<>();
		for (Cards.ReviewDay row : cards.newestSuccessfulReviewDays(people, courses, newest)) {
			byPair.computeIfAbsent(List.of(row.personId().value(), row.courseId().value()),
					k -> new SuccessfulReviews(row.personId(), row.courseId(), new ArrayList<>()))
				.days()
				.add(row.day());
		}
		return byPair.values()
			.stream()
			.map(r -> new SuccessfulReviews(r.personId(), r.courseId(), List.copyOf(r.days())))
			.toList();
	}

	/** Everyone with a successful review of any of these courses. */
	@Transactional(readOnly = true)
	public Set<PersonId> peopleWithSuccessfulReviews(Collection<CourseId> courses) {
		return cards.peopleWithSuccessfulReviews(courses);
	}
}
