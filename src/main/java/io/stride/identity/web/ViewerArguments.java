package io.stride.identity.web;

import java.util.List;

import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler method parameter of type {@link Viewer} the signed-in person, so that controllers say who acts in
 * their signature instead of asking {@link Organization#currentViewer()} in every method. The same lookup, cached for
 * the request, with the same refusal: someone not signed in, or whose account is no longer active, gets the
 * {@code InsufficientAuthenticationException} that sends a page to sign-in and an API call to 401. A handler that
 * only needs someone signed in takes the parameter (named {@code signedIn}) and leaves it unused.
 */
@Component
class ViewerArguments implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// the viewer comes from the session or token, not from the request: not a parameter of the API
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

	private final Organization organization;

	ViewerArguments(Organization organization) {
		this.organization = organization;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Viewer.class;
	}

	@Override
	public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		return organization.currentViewer();
	}
}
