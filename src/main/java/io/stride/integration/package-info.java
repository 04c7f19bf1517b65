/**
 * Where teams already work: private iCalendar feeds per person and team, Slack and Microsoft Teams incoming webhooks
 * per team, and signed outgoing webhook subscriptions with retries and a delivery log.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "authoring", "badges", "capability", "cycles", "delivery", "identity", "rhythm", "shared", "xapi" })
package io.stride.integration;

import org.springframework.modulith.ApplicationModule;
