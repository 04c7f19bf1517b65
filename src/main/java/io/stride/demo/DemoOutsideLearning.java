package io.stride.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.RuleKind;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.xapi.OutsideLearning;
import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Learning outside Stride in the demo: a MOOC's connector with its own LRS key told Stride that Leo completed
 * "Negotiation fundamentals" (86 %) and started "Pricing conversations", during his learning cycle; the capability
 * "Negotiate a renewal" counts the completion, so his profile shows the level and where it came from.
 */
@Component
class DemoOutsideLearning {

	static final String NEGOTIATION = "https://mooc.example/courses/negotiation-fundamentals";

	static final String PRICING = "https://mooc.example/courses/pricing-conversations";

	private final XapiClients clients;

	private final OutsideLearning outsideLearning;

	private final Capabilities capabilities;

	private final String baseUrl;

	DemoOutsideLearning(XapiClients clients, OutsideLearning outsideLearning, Capabilities capabilities,
			@Value("${stride.base-url}") String baseUrl) {
		this.clients = clients;
		this.outsideLearning = outsideLearning;
		this.capabilities = capabilities;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	void seed(Viewer admin, PersonId leo, LocalDate today) {
		XapiClients.NewClient created = clients.create(admin, "MOOC connector", List.of("statements/write"));
		XapiClient mooc = new XapiClient(created.client().id(), created.client().name(), created.client().scopes());
		// the statements first: the capability's rules are evaluated for everyone with evidence when it is created
		outsideLearning.storeAs(admin, mooc, List.of(
				statement(leo, "http://adlnet.gov/expapi/verbs/completed", "completed", NEGOTIATION, "Negotiation fundamentals",
						"\"result\": {\"score\": {\"scaled\": 0.86}, \"success\": true, \"completion\": true},",
						today.minusDays(12)),
				statement(leo, "http://adlnet.gov/expapi/verbs/attempted", "attempted", PRICING, "Pricing conversations", "",
						today.minusDays(4))));
		capabilities.create(admin, new CapabilityDraft("Negotiate a renewal",
				"Lead a renewal conversation to a signed agreement, holding price and terms.", "Customer Success", null, 24,
				List.of("Can do it alone", "Can teach it"), List.of(
						new CapabilityDraft.RuleDraft(1, RuleKind.OUTSIDE_ACTIVITY, null, false, null, null, null, NEGOTIATION,
								"Negotiation fundamentals", 0.8),
						new CapabilityDraft.RuleDraft(2, RuleKind.OUTSIDE_ACTIVITY, null, false, null, null, null, NEGOTIATION,
								"Negotiation fundamentals", 0.8),
						new CapabilityDraft.RuleDraft(2, RuleKind.VALIDATIONS, null, false, null, 1, null))));
	}

	private String statement(PersonId person, String verb, String verbDisplay, String activity, String name,
			String result, LocalDate on) {
		return """
				{"actor": {"objectType": "Agent", "account": {"homePage": "%s", "name": "%s"}},
				 "verb": {"id": "%s", "display": {"en-US": "%s"}},
				 "object": {"objectType": "Activity", "id": "%s",
				            "definition": {"name": {"en-US": "%s"}, "type": "http://adlnet.gov/expapi/activities/course"}},
				 %s
				 "timestamp": "%s"}
				""".formatted(baseUrl, person.value(), verb, verbDisplay, activity, name, result,
				on.atTime(10, 30).toInstant(ZoneOffset.UTC));
	}
}
