/**
 * Where teams already work: private iCalendar feeds per person and team, Slack and Microsoft Teams incoming webhooks
 * per team, and signed outgoing webhook subscriptions with retries and a delivery log.
 */
package io.stride.integration;
