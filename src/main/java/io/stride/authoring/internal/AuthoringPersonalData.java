package io.stride.authoring.internal;

import java.util.List;

import io.stride.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Courses the person authored stay, shown with the pseudonym through identity; editor rights and pins are ids.
 */
@Component
class AuthoringPersonalData implements PersonalData {

	@Override
	public List<PersonTable> tables() {
		return List.of(PersonTable.of("courses", "author_id"),
				PersonTable.of("course_editors", "person_id"),
				PersonTable.of("course_pins", "person_id"));
	}
}
