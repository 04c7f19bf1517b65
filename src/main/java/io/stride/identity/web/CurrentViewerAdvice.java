package io.stride.identity.web;

import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Puts the signed-in person in every page's model as {@code me}, for the navigation. Lazy: read only when a page
 * renders it, so a JSON answer or a redirect costs no lookup.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentViewerAdvice {

	private final Organization organization;

	CurrentViewerAdvice(Organization organization) {
		this.organization = organization;
	}

	@ModelAttribute("me")
	LazyContextVariable<Viewer> me() {
		return new LazyContextVariable<>() {
			@Override
			protected Viewer loadValue() {
				return signedIn();
			}
		};
	}

	private Viewer signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return null;
		}
		try {
			return organization.currentViewer();
		}
		catch (RuntimeException notSignedIn) {
			return null;
		}
	}
}
