package io.stride.scim;

/**
 * An identity provider changed a person or a team through SCIM, published in the transaction of the change.
 * @param tokenName the name of the SCIM token that made the change (who, for the audit log)
 * @param action what happened, e.g. {@code PERSON_CREATED}, {@code PERSON_DEACTIVATED}, {@code TEAM_MEMBERS_CHANGED}
 * @param subjectType {@code PERSON} or {@code TEAM}
 */
public record ScimProvisioned(String tokenName, String action, String subjectType, String subjectId, String subjectName,
		String detail) {
}
