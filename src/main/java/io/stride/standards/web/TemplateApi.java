package io.stride.standards.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.RequiredPart;
import io.stride.standards.TemplateContent;
import io.stride.standards.Templates;
import io.stride.standards.ToneTerm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "Course templates: required parts, length limits, tone terms and accessibility rules")
@SecurityRequirement(name = "bearer")
class TemplateApi {

	private final Templates templates;

	TemplateApi(Templates templates) {
		this.templates = templates;
	}

	record ToneTermBody(String term, String preferred) {
	}

	/**
	 * A template as sent by a client. Parts are OBJECTIVES, SUMMARY, KNOWLEDGE_CHECK; rules are
	 * IMAGES_NEED_ALT_TEXT, DESCRIPTIVE_LINK_TEXT, NO_SKIPPED_HEADING_LEVELS, NO_EMPHASIS_BY_CAPITALS,
	 * TABLES_NEED_HEADER_ROW. Absent limits mean "no limit".
	 */
	record TemplateBody(String id, String name, String description, List<String> requiredParts, Integer maxLessonWords,
			Integer maxCourseWords, Integer minQuestions, Integer maxQuestions, List<ToneTermBody> toneTerms,
			List<String> accessibilityRules, Integer revision) {

		TemplateContent toContent() {
			return new TemplateContent(name, description, names(requiredParts, RequiredPart.class, "requiredParts"),
					maxLessonWords, maxCourseWords, minQuestions == null ? 0 : minQuestions, maxQuestions,
					toneTerms == null ? List.of()
							: toneTerms.stream().map(t -> t == null ? new ToneTerm("", "") : new ToneTerm(t.term(), t.preferred())).toList(),
					names(accessibilityRules, AccessibilityRule.class, "accessibilityRules"));
		}

		private static <E extends Enum<E>> Set<E> names(List<String> names, Class<E> type, String field) {
			if (names == null) {
				return Set.of();
			}
			return names.stream().map(name -> {
				try {
					return Enum.valueOf(type, name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("The template was not saved.", Map.of(field, "Unknown value \""
							+ name + "\"; use one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
								.collect(Collectors.joining(", ")) + "."));
				}
			}).collect(Collectors.toSet());
		}
	}

	@GetMapping
	@Operation(summary = "All course templates, for everyone signed in")
	List<CourseTemplate> all(Viewer signedIn) {
		return templates.all();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One course template")
	CourseTemplate get(Viewer signedIn, @PathVariable String id) {
		return templates.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a template (admins); a retry with the same client-generated 'id' returns the first one")
	CourseTemplate create(Viewer me, @RequestBody TemplateBody body) {
		return templates.create(me, blankToNull(body.id()), body.toContent());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a template (admins); 'revision' must be the one last read (409 otherwise)")
	CourseTemplate update(Viewer me, @PathVariable String id, @RequestBody TemplateBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("The template was not saved.",
					Map.of("revision", "Send the revision you last read, to avoid overwriting a newer save."));
		}
		return templates.update(me, id, body.revision(), body.toContent());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a template (admins); the default can't be deleted (409). Courses that chose it "
			+ "are checked against the default from then on")
	void delete(Viewer me, @PathVariable String id) {
		templates.delete(me, id);
	}

	@PostMapping("/{id}/default")
	@Operation(summary = "Make a template the default (admins), in place of the one before")
	CourseTemplate makeDefault(Viewer me, @PathVariable String id) {
		return templates.makeDefault(me, id);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
