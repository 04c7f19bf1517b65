package io.stride.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Redirects by path only. A saved request remembers the URL as the client named it, {@code Host} header included,
 * so redirecting to it as it is would send a person who signs in to any host an attacker put in that header.
 */
class RelativeRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(pathOf(request.getContextPath(), url)));
	}

	static String pathOf(String contextPath, String url) {
		String target;
		try {
			URI uri = new URI(url);
			target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			if (uri.getRawQuery() != null) {
				target += "?" + uri.getRawQuery();
			}
			if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
				target = contextPath + target;
			}
		}
		catch (URISyntaxException e) {
			target = contextPath + "/";
		}
		// "//host/path" would be read as another host
		return "/" + target.replaceFirst("^/+", "");
	}

	/** After sign-in: back to the page that asked for it, by path, and the session marked as signed in now. */
	static SavedRequestAwareAuthenticationSuccessHandler afterSignIn(String defaultPath) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				SignedInSessions.signedInNow(request);
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		handler.setDefaultTargetUrl(defaultPath);
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}

	/**
	 * After sign-in by form: back to the page that asked for it; otherwise managers to their home and everyone else
	 * to My learning.
	 */
	static SavedRequestAwareAuthenticationSuccessHandler afterSignIn(String learnerPath, String managerPath,
			People people) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {

			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				SignedInSessions.signedInNow(request);
				super.onAuthenticationSuccess(request, response, authentication);
			}

			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				boolean manager = authentication.getPrincipal() instanceof StridePrincipal principal
						&& people.findById(principal.personId()).map(p -> !p.manages().isEmpty()).orElse(false);
				return manager ? managerPath : learnerPath;
			}
		};
		handler.setRedirectStrategy(new RelativeRedirects());
		return handler;
	}
}
