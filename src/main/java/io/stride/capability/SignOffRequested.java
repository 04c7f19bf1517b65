package io.stride.capability;

import java.util.List;

import io.stride.identity.PersonId;

/** A manager asked for a person's observed task to be watched and signed off: sent to those who may sign it off. */
public record SignOffRequested(PersonId personId, String personName, String taskTitle, String capabilityName,
		String link, List<PersonId> signers, String requestedBy) {
}
