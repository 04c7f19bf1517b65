/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2}: identity providers create, change and deactivate
 * people and map their groups to teams, authenticated by bearer tokens admins make at {@code /admin/scim}.
 */
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.stride.scim;

import org.springframework.modulith.ApplicationModule;
