package io.stride.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Which main area a page belongs to, as {@code navArea} in every page's model: the navigation marks that area's link
 * with {@code aria-current} and its menu as the current one, so a person sees where they are from any page.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationArea {

	/** Path prefixes and their areas, the most specific first ({@code /my/tracks} before {@code /tracks}). */
	private static final List<String[]> AREAS = List.of(
			new String[] { "/learning", "learning" },
			new String[] { "/my/tracks", "my-tracks" },
			new String[] { "/cycles", "cycles" },
			new String[] { "/practice", "practice" },
			new String[] { "/mastery", "mastery" },
			new String[] { "/profile/capabilities", "capabilities" },
			new String[] { "/courses", "courses" },
			new String[] { "/library", "library" },
			new String[] { "/tracks", "tracks" },
			new String[] { "/enrolments", "tracks" },
			new String[] { "/enrolment-requests", "enrolment-requests" },
			new String[] { "/teams", "teams" },
			new String[] { "/reviews", "reviews" },
			new String[] { "/admin", "admin" },
			new String[] { "/notifications", "notifications" },
			new String[] { "/profile", "profile" });

	@ModelAttribute("navArea")
	String navArea(HttpServletRequest request) {
		return of(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static String of(String path) {
		for (String[] area : AREAS) {
			if (path.equals(area[0]) || path.startsWith(area[0] + "/")) {
				return area[1];
			}
		}
		return path.equals("/") ? "home" : "";
	}
}
