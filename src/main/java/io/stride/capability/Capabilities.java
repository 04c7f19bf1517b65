package io.stride.capability;

import java.util.List;

import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of capabilities. Everyone signed in reads it; admins and L&D reviewers keep the organization's
 * capabilities; a manager adds and keeps capabilities local to a team they manage (or a team below it). Changing
 * levels or rules recomputes the levels people hold in the same transaction. Every change is audited.
 */
@Service
@Transactional
public class Capabilities {

	/** Active capabilities (and retired ones when asked), optionally of one category or matching words. */
	@Transactional(readOnly = true)
	public List<Capability> catalogue(Viewer viewer, String category, String query, boolean includeRetired) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The categories in use, for filters. */
	@Transactional(readOnly = true)
	public List<String> categories() {
		throw new UnsupportedOperationException("not yet");
	}

	/** One capability; 404 when there is none. */
	@Transactional(readOnly = true)
	public Capability get(Viewer viewer, CapabilityId id) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Whether the viewer may change the capability (and its levels, rules, merge and retirement). */
	public boolean mayKeep(Viewer viewer, Capability capability) {
		throw new UnsupportedOperationException("not yet");
	}

	/** 422 with field errors (name, description, category, validityMonths, levels, rules[i]) for a bad draft. */
	public Capability create(Viewer viewer, CapabilityDraft draft) {
		throw new UnsupportedOperationException("not yet");
	}

	/** 409 when {@code revision} is not the current one (saved elsewhere meanwhile). */
	public Capability update(Viewer viewer, CapabilityId id, int revision, CapabilityDraft draft) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Retires a capability: its history stays; it leaves coverage, targets and the matrix. */
	public Capability retire(Viewer viewer, CapabilityId id) {
		throw new UnsupportedOperationException("not yet");
	}

	public Capability restore(Viewer viewer, CapabilityId id) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Merges {@code from} into {@code into}: certificates, validations, self-assessments and targets move to
	 * {@code into} (a team's own target on {@code into} wins), {@code from} is retired with a pointer to {@code into},
	 * and the levels people hold of {@code into} are recomputed.
	 */
	public Capability merge(Viewer viewer, CapabilityId from, CapabilityId into) {
		throw new UnsupportedOperationException("not yet");
	}
}
