/**
 * People, teams, roles, sign-in and the question every other module asks: who is acting, and what may they see.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package io.stride.identity;

import org.springframework.modulith.ApplicationModule;
