package io.stride.authoring;

import java.util.List;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.CourseFit;
import org.springframework.stereotype.Component;

/** Tells drafting, when a draft is made, what creating its course will do: the plan's notes become its warnings. */
@Component
class DraftFit implements CourseFit {

	@Override
	public List<String> warnings(CourseDraft draft) {
		return CourseFromDraft.plan(draft).notes();
	}
}
