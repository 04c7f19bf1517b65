package io.stride.identity;

/** An admin erased a person; only the pseudonym travels, so that the audit log never names them again. */
public record PersonErased(PersonId by, PersonId person, String pseudonym) {
}
