package io.stride.cycles;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.cycles.internal.CycleRows;
import io.stride.delivery.SelfChosenCourses;
import io.stride.identity.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The courses a person's active learning contract names show in their "my learning" as chosen by them. */
@Component
class ContractCourses implements SelfChosenCourses {

	static final String SOURCE = "from your learning contract";

	private final CycleRows rows;

	ContractCourses(CycleRows rows) {
		this.rows = rows;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<CourseId, String> chosenBy(PersonId person) {
		Map<CourseId, String> result = new LinkedHashMap<>();
		rows.coursesOfActiveCycles(person).forEach(c -> result.put(new CourseId(c), SOURCE));
		return result;
	}
}
