package io.stride.catalog;

/** An option for a catalogue filter: a capability or an author's team that some published course has. */
public record CatalogChoice(String id, String name) {
}
