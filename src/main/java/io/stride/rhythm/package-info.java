/**
 * Learning inside the operating rhythm: the rituals a team already runs (retrospectives, business reviews, pipeline
 * calls, one-on-ones), their sessions with a capability pre-read, the skill gaps and at most three capability
 * interventions each session records, and a manager's decision rights: commissions and learning needs, learning
 * hours per period and the team's learning budget.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "analytics::attention", "analytics::outcomes", "authoring", "capability", "cycles", "delivery",
		"drafting", "identity", "shared" })
package io.stride.rhythm;

import org.springframework.modulith.ApplicationModule;
