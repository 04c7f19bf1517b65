package io.stride.library;

import java.util.List;

/** One page of a library search. */
public record ComponentPage(List<Component> items, int page, int size, int pages, int total) {
}
