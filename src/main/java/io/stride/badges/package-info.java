/**
 * Open Badges 3.0: badges admins and L&D define with one machine criterion (a capability level reached, a learning
 * cycle closed with validated goals, a course mastered), issued automatically as W3C Verifiable Credentials signed
 * with the installation's Ed25519 key ({@code eddsa-rdfc-2022}), verified on a public page, revoked through a
 * Bitstring status list when their evidence expires or is withdrawn.
 */
@ApplicationModule(allowedDependencies = { "authoring", "capability", "cycles", "identity", "mastery", "shared" })
package io.stride.badges;

import org.springframework.modulith.ApplicationModule;
