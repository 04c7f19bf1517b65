package io.stride.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.standards.internal.CourseTemplates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course templates. Everyone may read them and check a course against one; admins create, change and delete them
 * and choose the default. One template is always the default: it can't be deleted, and a course or draft without a
 * chosen template is checked against it.
 */
@Service
@Transactional
public class Templates {

	private final CourseTemplates templates;

	private final List<DecorativeImages> decorativeImages;

	Templates(CourseTemplates templates, List<DecorativeImages> decorativeImages) {
		this.templates = templates;
		this.decorativeImages = List.copyOf(decorativeImages);
	}

	@Transactional(readOnly = true)
	public List<CourseTemplate> all() {
		return templates.all();
	}

	@Transactional(readOnly = true)
	public CourseTemplate find(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Template");
		}
		return templates.find(id).orElseThrow(() -> new NotFoundException("Template"));
	}

	@Transactional(readOnly = true)
	public CourseTemplate defaultTemplate() {
		return templates.findDefault().orElseThrow(() -> new IllegalStateException("No course template at all"));
	}

	/**
	 * A new template, not the default. A retried request that sends the same {@code id} gets the template it
	 * created the first time.
	 * @param id a client-generated id, or null for a new one
	 */
	public CourseTemplate create(Viewer admin, String id, TemplateContent content) {
		requireAdmin(admin);
		if (id != null && !Ids.looksValid(id)) {
			throw new InvalidInputException("The template was not created.", Map.of("id", "The id must be a UUID."));
		}
		String newId = id == null ? Ids.newId() : id;
		Optional<CourseTemplate> earlier = templates.find(newId);
		if (earlier.isPresent()) {
			if (!earlier.get().name().equals(content.name())) {
				throw new ConflictException("A different template has this id already.");
			}
			return earlier.get();
		}
		validate(content, null, "The template was not created.");
		templates.insert(newId, content);
		return templates.find(newId).orElseThrow();
	}

	/** Saves an admin's change if nobody saved the template since {@code revision}; a conflict otherwise. */
	public CourseTemplate update(Viewer admin, String id, int revision, TemplateContent content) {
		requireAdmin(admin);
		CourseTemplate current = find(id);
		validate(content, current.id(), "The template was not saved.");
		if (!templates.update(id, revision, content)) {
			throw new ConflictException("Someone saved this template after you opened it. Your changes were not saved; "
					+ "reload to see the latest version, then make them again.");
		}
		return find(id);
	}

	/** Deletes a template; courses and drafts that chose it are checked against the default from then on. */
	public void delete(Viewer admin, String id) {
		requireAdmin(admin);
		CourseTemplate template = find(id);
		String isDefault = "\"" + template.name() + "\" is the default template and can't be deleted. "
				+ "Make another template the default first.";
		if (template.isDefault()) {
			throw new ConflictException(isDefault);
		}
		if (templates.count() == 1) {
			throw new ConflictException("\"" + template.name() + "\" is the only template; there must always be one.");
		}
		if (!templates.deleteUnlessDefault(id)) {
			// made the default a moment ago; the transaction rolls back the choices deleted before
			throw new ConflictException(isDefault);
		}
	}

	/** Makes a template the default, in place of the one before. */
	public CourseTemplate makeDefault(Viewer admin, String id) {
		requireAdmin(admin);
		find(id);
		templates.makeDefault(id);
		return find(id);
	}

	/**
	 * Keeps the template an author chose for a course. The caller has checked that the viewer may edit the course
	 * (templates know nothing of courses but their ids).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void choose(String courseId, String templateId) {
		find(templateId);
		templates.chooseForCourse(courseId, templateId);
	}

	/** The template chosen for the course, or the default when none was chosen. */
	@Transactional(readOnly = true)
	public CourseTemplate templateFor(String courseId) {
		return templates.chosenForCourse(courseId).flatMap(templates::find).orElseGet(this::defaultTemplate);
	}

	/** Keeps the template an author chose when drafting, until the draft becomes a course. The caller owns the draft. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void chooseForDraft(String draftId, String templateId) {
		find(templateId);
		templates.chooseForDraft(draftId, templateId);
	}

	/** The template chosen when drafting, or the default when none was chosen. */
	@Transactional(readOnly = true)
	public CourseTemplate templateForDraft(String draftId) {
		return templates.chosenForDraft(draftId).flatMap(templates::find).orElseGet(this::defaultTemplate);
	}

	/** How many courses chose this template (a course that chose none follows the default). */
	@Transactional(readOnly = true)
	public int coursesChoosing(String id) {
		return templates.coursesChoosing(find(id).id());
	}

	/** What the course does not do as the template asks; empty when it meets the template. */
	public static List<Finding> check(CourseTemplate template, CourseToCheck course) {
		return TemplateCheck.check(template, course, target -> false);
	}

	/**
	 * As {@link #check(CourseTemplate, CourseToCheck)}, and an image the author marked decorative (its empty
	 * alternative text meant) is not a finding.
	 */
	@Transactional(readOnly = true)
	public List<Finding> findings(CourseTemplate template, CourseToCheck course) {
		return TemplateCheck.check(template, course,
				target -> decorativeImages.stream().anyMatch(images -> images.decorative(target)));
	}

	private void validate(TemplateContent content, String id, String message) {
		Map<String, String> errors = new LinkedHashMap<>(TemplateRules.check(content));
		if (!errors.containsKey("name") && templates.nameTaken(content.name(), id)) {
			errors.put("name", "A template named \"" + content.name() + "\" exists already.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins change course templates.");
		}
	}
}
