package io.stride.catalog;

import java.util.List;

/** One page of catalogue results; {@code page} is from 1, {@code pages} is 0 when nothing matched. */
public record CatalogPage(List<CatalogEntry> items, int page, int pages, int total) {
}
