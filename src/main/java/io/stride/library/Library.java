package io.stride.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Reuse;
import io.stride.capability.CapabilityId;
import io.stride.capability.CourseCapabilities;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.library.internal.Components;
import io.stride.library.internal.Components.Filter;
import io.stride.library.internal.Components.Order;
import io.stride.library.internal.Components.Row;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The component library: every lesson, module and question of a live course's live version, searched and filtered,
 * and reused in a draft through authoring. Everyone signed in may read a live course's published version, so everyone
 * may find and read its lessons and modules; its questions (a quiz's pool, with the options) only people who author a
 * course, reviewers (L&D among them) and admins. A part that is not in the library (a draft's, a retired course's, an
 * unknown id) is not one the viewer may reuse.
 */
@Service
public class Library {

	private static final int MAX_WORD_LENGTH = 100;

	private final Components components;

	private final Authoring authoring;

	private final CourseCapabilities capabilities;

	private final Organization organization;

	private final Reuse reuse;

	Library(Components components, Authoring authoring, CourseCapabilities capabilities, Organization organization,
			Reuse reuse) {
		this.components = components;
		this.authoring = authoring;
		this.capabilities = capabilities;
		this.organization = organization;
		this.reuse = reuse;
	}

	/** A course the viewer may reuse components in: a draft they may edit. */
	public record Draft(CourseId id, String title) {
	}

	/** A course that uses a component, by its title when the viewer may see it. */
	public record Use(CourseId id, String title) {
	}

	/**
	 * One page of the components matching the query; a page past the last gives the last page.
	 * @throws InvalidInputException for a page below 1, a size outside 1–100 or a minimum score outside −100 to 100
	 */
	@Transactional(readOnly = true)
	public ComponentPage search(Viewer viewer, ComponentQuery query) {
		Objects.requireNonNull(viewer, "viewer");
		if (query.page() < 1) {
			throw new InvalidInputException("page", "The page is a number from 1.");
		}
		if (query.size() < 1 || query.size() > ComponentQuery.MAX_SIZE) {
			throw new InvalidInputException("size", "The page size is from 1 to " + ComponentQuery.MAX_SIZE + ".");
		}
		if (query.minReactionScore() != null && (query.minReactionScore() < -100 || query.minReactionScore() > 100)) {
			throw new InvalidInputException("minReactionScore", "The minimum reaction score is from −100 to 100.");
		}
		List<String> words = words(query.words());
		Set<String> courses = null;
		if (query.capabilityId() != null && !query.capabilityId().isBlank()) {
			courses = new LinkedHashSet<>();
			for (CourseId c : capabilities.coursesFor(new CapabilityId(query.capabilityId().strip()))) {
				courses.add(c.value());
			}
		}
		Set<String> authors = null;
		if (query.authorId() != null && !query.authorId().isBlank()) {
			authors = new LinkedHashSet<>(Set.of(query.authorId().strip()));
		}
		if (query.teamId() != null && !query.teamId().isBlank()) {
			Set<String> members = new LinkedHashSet<>();
			for (Person p : organization.membersOfTeamTree(new TeamId(query.teamId().strip()))) {
				members.add(p.id().value());
			}
			if (authors != null) {
				members.retainAll(authors);
			}
			authors = members;
		}
		Set<String> kinds = null;
		if (query.kind() != null) {
			kinds = new LinkedHashSet<>(Set.of(query.kind().name()));
		}
		if (!mayReadQuestions(viewer)) {
			// learners see lessons and modules only: questions are a quiz's pool, with their answers' options
			Set<String> shownToAll = new LinkedHashSet<>(List.of(ComponentKind.LESSON.name(), ComponentKind.MODULE.name()));
			if (kinds != null) {
				shownToAll.retainAll(kinds);
			}
			kinds = shownToAll;
		}
		Filter filter = new Filter(words, kinds, courses, authors, query.minReactionScore());
		int total = components.count(filter);
		int pages = (total + query.size() - 1) / query.size();
		int page = Math.max(1, Math.min(query.page(), pages));
		if (total == 0) {
			return new ComponentPage(List.of(), page, query.size(), pages, total);
		}
		Order order = switch (query.sort() == null ? ComponentQuery.Sort.RELEVANCE : query.sort()) {
			case RELEVANCE -> words.isEmpty() ? Order.MOST_REUSED : Order.RELEVANCE;
			case MOST_REUSED -> Order.MOST_REUSED;
			case NEWEST -> Order.NEWEST;
			case TITLE -> Order.TITLE;
		};
		List<Row> rows = components.page(filter, order, (page - 1) * query.size(), query.size());
		return new ComponentPage(shown(rows), page, query.size(), pages, total);
	}

	/** A component; 404 when there is none with this id in the library. */
	@Transactional(readOnly = true)
	public Component component(Viewer viewer, String id) {
		Objects.requireNonNull(viewer, "viewer");
		Row row = id == null || id.length() > 64 ? null : components.find(id).orElse(null);
		if (row == null || isQuestion(row) && !mayReadQuestions(viewer)) {
			throw new NotFoundException("Component");
		}
		return shown(List.of(row)).getFirst();
	}

	/**
	 * Whether the viewer may find and read question components (a prompt with its options is part of a quiz's pool):
	 * people who author courses (they have one), reviewers (L&D among them) and admins. Learners see lessons and
	 * modules only.
	 */
	@Transactional(readOnly = true)
	public boolean mayReadQuestions(Viewer viewer) {
		return viewer.isReviewer() || !authoring.authoredBy(viewer).isEmpty();
	}

	private static boolean isQuestion(Row row) {
		return ComponentKind.QUESTION.name().equals(row.kind()) || ComponentKind.KNOWLEDGE_CHECK.name().equals(row.kind());
	}

	/** The component as learners see it in its source course's live version: its lessons or its question. */
	@Transactional(readOnly = true)
	public Course sourceOf(Viewer viewer, Component component) {
		return authoring.course(viewer, component.sourceCourseId());
	}

	/**
	 * Copies the component into the viewer's draft, linked or copied.
	 * @return the new elements' ids
	 * @throws InvalidInputException at {@code componentId} when the library has no component with this id (so the
	 * viewer may not read it), at {@code mode} for another mode, and as authoring refuses (the course not a draft,
	 * a bad position or module)
	 */
	@Transactional
	public List<String> reuse(Viewer viewer, CourseId target, String componentId, String mode, String module,
			Integer position) {
		ElementOrigin.Mode chosen = mode(mode);
		Row row = componentId == null || componentId.isBlank() || componentId.length() > 64 ? null
				: components.find(componentId.strip()).orElse(null);
		// the course must be the viewer's to change before anything about the component is said
		authoringCheck(viewer, target);
		if (row == null || isQuestion(row) && !mayReadQuestions(viewer)) {
			throw new InvalidInputException("componentId",
					"There is no published component with this id that you may read.");
		}
		ComponentKind kind = ComponentKind.valueOf(row.kind());
		Reuse.Part part = switch (kind) {
			case LESSON -> new Reuse.Part(new CourseId(row.sourceCourseId()), Reuse.PartKind.LESSON, row.id(), null);
			case MODULE -> new Reuse.Part(new CourseId(row.sourceCourseId()), Reuse.PartKind.MODULE, null, row.moduleName());
			case QUESTION, KNOWLEDGE_CHECK -> new Reuse.Part(new CourseId(row.sourceCourseId()), Reuse.PartKind.QUESTION,
					row.id(), null);
		};
		return authoring.reuse(viewer, target, part, chosen, module, position);
	}

	private void authoringCheck(Viewer viewer, CourseId target) {
		authoring.editable(viewer, target);
	}

	private static ElementOrigin.Mode mode(String mode) {
		if (mode != null) {
			for (ElementOrigin.Mode m : ElementOrigin.Mode.values()) {
				if (m.name().equalsIgnoreCase(mode.strip())) {
					return m;
				}
			}
		}
		throw new InvalidInputException("mode", "Choose LINKED (shown as its source has it, with updates) or COPIED "
				+ "(your own copy to edit).");
	}

	/** The viewer's drafts, to reuse a component in; newest first. */
	@Transactional(readOnly = true)
	public List<Draft> drafts(Viewer viewer) {
		return authoring.authoredBy(viewer)
			.stream()
			.filter(Course::isEditable)
			.map(c -> new Draft(c.id(), c.title().isBlank() ? "(untitled draft)" : c.title()))
			.toList();
	}

	/**
	 * The courses that use the component: live ones by title, and the viewer's own drafts; other drafts are only
	 * counted ({@code others}).
	 */
	@Transactional(readOnly = true)
	public Uses uses(Viewer viewer, Component component) {
		List<String> elements = new ArrayList<>();
		if (component.kind() == ComponentKind.MODULE) {
			Course source = authoring.published(component.sourceCourseId());
			source.lessons().stream().filter(l -> component.moduleName().equals(l.module())).forEach(l -> elements.add(l.id()));
		}
		else {
			elements.add(component.id());
		}
		Set<String> courseIds = new LinkedHashSet<>();
		Map<String, Set<String>> reusing = reuse.reusingCourses(List.of(component.sourceCourseId()));
		elements.forEach(e -> courseIds.addAll(reusing.getOrDefault(e, Set.of())));
		List<CourseId> ids = courseIds.stream().map(CourseId::new).toList();
		Map<CourseId, Authoring.CurrentVersion> current = authoring.currentVersions(ids);
		Set<CourseId> mine = new HashSet<>();
		authoring.authoredBy(viewer).forEach(c -> mine.add(c.id()));
		Map<CourseId, String> titles = authoring.titles(ids);
		List<Use> shown = new ArrayList<>();
		int others = 0;
		for (CourseId id : ids) {
			Authoring.CurrentVersion v = current.get(id);
			if ((v != null && !v.retired()) || mine.contains(id)) {
				shown.add(new Use(id, titles.getOrDefault(id, "")));
			}
			else {
				others++;
			}
		}
		return new Uses(shown, others);
	}

	public record Uses(List<Use> shown, int others) {
	}

	/** The capabilities some component's course counts for, to filter by. */
	@Transactional(readOnly = true)
	public List<Choice> capabilities() {
		return capabilities.withCourses().stream().map(l -> new Choice(l.id().value(), l.name())).toList();
	}

	/** The teams of components' authors, to filter by. */
	@Transactional(readOnly = true)
	public List<Choice> teams() {
		return organization.teamsOf(components.authors().stream().map(PersonId::new).toList())
			.stream()
			.map(t -> new Choice(t.id().value(), t.name()))
			.toList();
	}

	/** The authors of components, to filter by. */
	@Transactional(readOnly = true)
	public List<Choice> authors() {
		List<PersonId> ids = components.authors().stream().map(PersonId::new).toList();
		return organization.credits(ids)
			.entrySet()
			.stream()
			.map(e -> new Choice(e.getKey().value(), e.getValue().name()))
			.sorted(Comparator.comparing(Choice::name))
			.toList();
	}

	public record Choice(String id, String name) {
	}

	private List<Component> shown(List<Row> rows) {
		Set<PersonId> authorIds = new LinkedHashSet<>();
		rows.forEach(r -> authorIds.add(new PersonId(r.authorId())));
		Map<PersonId, Organization.Credit> credits = organization.credits(authorIds);
		Map<CourseId, List<String>> names = capabilities
			.namesByCourse(rows.stream().map(r -> new CourseId(r.sourceCourseId())).distinct().toList());
		List<Component> result = new ArrayList<>();
		for (Row r : rows) {
			Organization.Credit credit = credits.get(new PersonId(r.authorId()));
			ReactionScore score = new ReactionScore(r.helpful(), r.unclear(), r.outdated());
			result.add(new Component(r.id(), ComponentKind.valueOf(r.kind()), r.title(), r.excerpt(),
					new CourseId(r.sourceCourseId()), r.sourceCourseTitle(), r.sourceVersion(), r.moduleName(),
					new PersonId(r.authorId()), credit == null ? "" : credit.name(),
					credit == null ? List.of() : credit.teams(), names.getOrDefault(new CourseId(r.sourceCourseId()), List.of()),
					score.total() < ReactionScore.MIN_FOR_SCORE ? null : score.score(), score.total(), r.reuseCount(),
					r.publishedAt()));
		}
		return result;
	}

	/** Distinct lower-cased words, at most {@link ComponentQuery#MAX_WORDS}. */
	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).strip().split("\\s+"))
			.filter(w -> !w.isBlank())
			.distinct()
			.toList();
		if (words.size() > ComponentQuery.MAX_WORDS) {
			throw new InvalidInputException("q", "Search with at most " + ComponentQuery.MAX_WORDS + " words.");
		}
		if (words.stream().anyMatch(w -> w.length() > MAX_WORD_LENGTH)) {
			throw new InvalidInputException("q", "Words are at most " + MAX_WORD_LENGTH + " characters long.");
		}
		return words;
	}
}
