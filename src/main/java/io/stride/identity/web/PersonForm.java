package io.stride.identity.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.identity.Person;
import io.stride.identity.Role;
import io.stride.identity.TeamId;

/**
 * The admin's person form. A mutable bean because Spring binds checkbox lists into it.
 */
public class PersonForm {

	private String name = "";

	private String email = "";

	private String password = "";

	private boolean active = true;

	private List<String> teamIds = new ArrayList<>();

	private List<String> manages = new ArrayList<>();

	private List<String> roles = new ArrayList<>();

	static PersonForm of(Person person) {
		PersonForm form = new PersonForm();
		form.name = person.name();
		form.email = person.email();
		form.active = person.active();
		form.teamIds = person.teamIds().stream().map(TeamId::value).collect(Collectors.toList());
		form.manages = person.manages().stream().map(TeamId::value).collect(Collectors.toList());
		form.roles = person.roles().stream().map(Role::name).collect(Collectors.toList());
		return form;
	}

	Set<TeamId> teams() {
		return teamIds.stream().filter(id -> !id.isBlank()).map(TeamId::new).collect(Collectors.toSet());
	}

	Set<TeamId> managedTeams() {
		return manages.stream().filter(id -> !id.isBlank()).map(TeamId::new).collect(Collectors.toSet());
	}

	Set<Role> grantedRoles() {
		Set<Role> granted = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (roles.contains(role.name())) {
				granted.add(role);
			}
		}
		return granted;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public List<String> getTeamIds() {
		return teamIds;
	}

	public void setTeamIds(List<String> teamIds) {
		this.teamIds = teamIds == null ? new ArrayList<>() : teamIds;
	}

	public List<String> getManages() {
		return manages;
	}

	public void setManages(List<String> manages) {
		this.manages = manages == null ? new ArrayList<>() : manages;
	}

	public List<String> getRoles() {
		return roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = roles == null ? new ArrayList<>() : roles;
	}
}
