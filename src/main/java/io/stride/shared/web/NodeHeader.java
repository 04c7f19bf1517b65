package io.stride.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node that answered in an {@code X-Stride-Node} header when {@code stride.node-name} is set, so that
 * whoever runs several nodes behind a load balancer can see where each request went (bench/cluster-check.sh).
 * Without a name nothing is added: a single node has nothing to tell.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeHeader extends OncePerRequestFilter {

	static final String HEADER = "X-Stride-Node";

	private final String name;

	NodeHeader(@Value("${stride.node-name:}") String name) {
		this.name = name == null ? "" : name.strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!name.isEmpty()) {
			// set before the chain runs: a response committed early (a redirect, an error) still carries it
			response.setHeader(HEADER, name);
		}
		chain.doFilter(request, response);
	}
}
