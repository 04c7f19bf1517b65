package io.stride.identity;

/** An admin downloaded everything Stride holds about a person. */
public record PersonalDataExported(PersonId by, PersonId person, String name, String format) {
}
