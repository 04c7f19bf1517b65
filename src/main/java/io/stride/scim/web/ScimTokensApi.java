package io.stride.scim.web;

import java.time.Instant;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.scim.internal.ScimTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scim/tokens")
@Tag(name = "SCIM provisioning", description = "Admins only (403 for everyone else): the bearer tokens identity "
		+ "providers use on /scim/v2 (SCIM 2.0, RFC 7643 and 7644; see docs/scim.md). A SCIM token opens only /scim/v2, "
		+ "never this API or pages; this API's tokens never open /scim/v2")
@SecurityRequirement(name = "bearer")
class ScimTokensApi {

	private final ScimTokens tokens;

	ScimTokensApi(ScimTokens tokens) {
		this.tokens = tokens;
	}

	record TokenBody(String name) {
	}

	/** {@code token} only in the answer that makes it. */
	record TokenView(String id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt, String token) {

		static TokenView of(ScimTokens.Token t) {
			return new TokenView(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.revokedAt(), null);
		}
	}

	@GetMapping
	@Operation(summary = "SCIM tokens: those in use first, newest first, with when each was last used")
	List<TokenView> list(Viewer me) {
		return tokens.all(me).stream().map(TokenView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make a SCIM token named after the identity provider that uses it; the answer's token is shown "
			+ "only now (Stride keeps a SHA-256 hash). 422 at name (empty, over 100 characters)")
	TokenView create(Viewer viewer, @RequestBody TokenBody body) {
		ScimTokens.Issued issued = tokens.create(viewer, body == null ? null : body.name());
		ScimTokens.Token made = tokens.token(viewer, issued.id());
		return new TokenView(made.id(), made.name(), made.createdAt(), null, null, issued.token());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a SCIM token: the provider using it is refused from its next request. 404 when it is "
			+ "unknown or revoked already")
	void revoke(Viewer me, @PathVariable String id) {
		tokens.revoke(me, id);
	}
}
