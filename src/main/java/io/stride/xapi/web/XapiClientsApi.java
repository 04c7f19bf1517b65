package io.stride.xapi.web;

import java.time.Instant;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.xapi.Scope;
import io.stride.xapi.XapiClients;
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
@RequestMapping("/api/v1/xapi/clients")
@Tag(name = "xAPI (LRS) clients", description = "Admins only (404 for everyone else): keys with which outside tools "
		+ "use Stride's learning record store at /xapi (xAPI 1.0.3, HTTP Basic with key and secret). A key opens "
		+ "only /xapi, never this API or a page")
@SecurityRequirement(name = "bearer")
class XapiClientsApi {

	private final XapiClients clients;

	XapiClientsApi(XapiClients clients) {
		this.clients = clients;
	}

	/** {@code scopes}: statements/write, statements/read, statements/read/mine, state, define, profile, all/read, all. */
	record ClientBody(String name, List<String> scopes) {
	}

	record CreatedView(String id, String name, String key, String secret, List<String> scopes) {
	}

	record ClientView(String id, String name, String key, List<String> scopes, Instant createdAt, Instant revokedAt) {

		static ClientView of(XapiClients.Client c) {
			return new ClientView(c.id(), c.name(), c.key(), names(c), c.createdAt(), c.revokedAt());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a client: the answer's key and secret are its HTTP Basic user name and password at "
			+ "/xapi; the secret is shown only now. 422 at name (empty, over 100 characters) or scopes (none, unknown)")
	CreatedView create(Viewer me, @RequestBody ClientBody body) {
		XapiClients.NewClient made = clients.create(me, body.name(), body.scopes());
		return new CreatedView(made.client().id(), made.client().name(), made.client().key(), made.secret(),
				names(made.client()));
	}

	@GetMapping
	@Operation(summary = "Every client, the active ones first, newest first; never a secret")
	List<ClientView> list(Viewer me) {
		return clients.all(me).stream().map(ClientView::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a client: its key is refused from the next request on. 404 when unknown or revoked")
	void revoke(Viewer me, @PathVariable String id) {
		clients.revoke(me, id);
	}

	private static List<String> names(XapiClients.Client c) {
		return c.scopes().stream().map(Scope::value).toList();
	}
}
