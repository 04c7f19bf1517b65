package io.stride.integration;

import io.stride.identity.PersonId;

/** An admin added, paused, resumed or removed a forwarder to an outside LRS ({@code what}, for the audit log). */
public record LrsForwarderChanged(PersonId by, String forwarderId, String name, String what) {
}
