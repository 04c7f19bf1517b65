package io.stride.shared.web;

import java.util.Map;
import java.util.Set;

/**
 * A part of a page that belongs to another module. A module that owns a page must not depend on the modules that add
 * to it; its template includes their fragments, and each of those modules declares a {@code PagePart} bean that fills
 * in what its fragment shows once the page's own controller has built the model. A page without a part's data shows
 * nothing of it.
 */
public interface PagePart {

	/** The view names (templates) this part adds to. */
	Set<String> views();

	/**
	 * Adds this part's data to the model of one of {@link #views()}, after the page's controller has filled it in.
	 * @param view the view being rendered
	 * @param model the page's model, to read (e.g. the course shown) and add to
	 */
	void fillIn(String view, Map<String, Object> model);

}
