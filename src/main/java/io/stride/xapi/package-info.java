/**
 * The learning record store: xAPI 1.0.3 under {@code /xapi} for outside tools, authenticated per client with HTTP
 * Basic ({@link XapiClients}); inside a {@code /xapi} request the authenticated principal is an {@link XapiClient}
 * (take it as {@code @AuthenticationPrincipal XapiClient client}) and {@link XapiClient#allows(Scope)} says what it may
 * do.
 */
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.stride.xapi;

import org.springframework.modulith.ApplicationModule;
