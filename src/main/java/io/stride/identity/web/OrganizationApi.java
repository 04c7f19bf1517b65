package io.stride.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.identity.NewPerson;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.identity.internal.ApiTokens;
import io.stride.identity.internal.StridePrincipal;
import io.stride.identity.internal.ThrottledAuthenticationProvider.SignInThrottledException;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Sign-in tokens, people and teams")
@SecurityRequirement(name = "bearer")
class OrganizationApi {

	private final Organization organization;

	private final OrganizationAdministration administration;

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	OrganizationApi(Organization organization, OrganizationAdministration administration,
			AuthenticationManager authentication, ApiTokens tokens) {
		this.organization = organization;
		this.administration = administration;
		this.authentication = authentication;
		this.tokens = tokens;
	}

	record Credentials(String email, String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record NewTeam(String name, String parentId) {
	}

	record NewPersonRequest(String name, String email, String password, List<String> teamIds, List<String> manages,
			List<String> roles) {
	}

	record Created(String id) {
	}

	record PersonView(String id, String name, String email, List<String> teamIds, List<String> manages,
			List<String> roles) {

		static PersonView of(Person p) {
			return new PersonView(p.id().value(), p.name(), p.email(), ids(p.teamIds()), ids(p.manages()),
					p.roles().stream().map(Role::name).sorted().toList());
		}
	}

	record TeamView(String id, String name, String parentId) {

		static TeamView of(Team t) {
			return new TeamView(t.id().value(), t.name(), t.parentId() == null ? null : t.parentId().value());
		}
	}

	@PostMapping("/auth/token")
	@Operation(summary = "Exchange email and password for a bearer token", security = {})
	ResponseEntity<?> token(@RequestBody Credentials credentials, HttpServletRequest request) {
		if (credentials == null || credentials.email() == null || credentials.password() == null) {
			return problem(HttpStatus.UNAUTHORIZED, "Give email and password.");
		}
		try {
			UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
				.unauthenticated(credentials.email(), credentials.password());
			attempt.setDetails(new WebAuthenticationDetails(request));
			Authentication result = authentication.authenticate(attempt);
			ApiTokens.Issued issued = tokens.issueSignInToken(((StridePrincipal) result.getPrincipal()).personId());
			return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		catch (SignInThrottledException e) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.refusal().seconds()))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.refusal().message()));
		}
		catch (AuthenticationException e) {
			return problem(HttpStatus.UNAUTHORIZED, "The email or password is not right.");
		}
	}

	@GetMapping("/me")
	PersonView me(Viewer me) {
		return PersonView.of(organization.person(me, me.id()));
	}

	@GetMapping("/teams")
	@Operation(summary = "Teams the caller manages (all teams for admins)")
	List<TeamView> teams(Viewer me) {
		return organization.teamsManagedBy(me).stream().map(TeamView::of).toList();
	}

	@PostMapping("/teams")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a team (admins)")
	Created createTeam(Viewer me, @RequestBody NewTeam team) {
		String parent = team.parentId();
		return new Created(administration
			.createTeam(me, team.name(), parent == null || parent.isBlank() ? null : new TeamId(parent))
			.value());
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a person (admins)")
	Created createPerson(Viewer me, @RequestBody NewPersonRequest person) {
		return new Created(administration.createPerson(me, new NewPerson(person.name(), person.email(),
				person.password(), teamIds(person.teamIds()), teamIds(person.manages()), roles(person.roles())))
			.value());
	}

	@GetMapping("/people/{id}")
	@Operation(summary = "A person the caller may see: themselves, their teams' people (managers), anyone (admins)")
	PersonView person(Viewer me, @PathVariable String id) {
		return PersonView.of(organization.person(me, new PersonId(id)));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	private static Set<TeamId> teamIds(List<String> ids) {
		return ids == null ? Set.of() : ids.stream().filter(id -> id != null && !id.isBlank()).map(TeamId::new)
			.collect(Collectors.toSet());
	}

	private static Set<Role> roles(List<String> names) {
		if (names == null) {
			return Set.of();
		}
		try {
			return names.stream().map(Role::valueOf).collect(Collectors.toSet());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("roles", "Roles are REVIEWER and ADMIN.");
		}
	}

	private static List<String> ids(Set<TeamId> ids) {
		return ids.stream().map(TeamId::value).sorted().toList();
	}
}
