/**
 * Capabilities: who can actually do the work. Levels computed from evidence, team coverage targets, the bus factor,
 * availability and expiry, the people × capabilities matrix and the organization's risk report.
 */
package io.stride.capability;
