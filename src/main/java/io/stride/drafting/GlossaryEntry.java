package io.stride.drafting;

public record GlossaryEntry(String term, String definition, Citation citation) {
}
