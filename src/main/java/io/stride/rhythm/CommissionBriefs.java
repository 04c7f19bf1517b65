package io.stride.rhythm;

import java.util.Optional;

import io.stride.drafting.DraftBriefs;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** A commission's brief as the text drafting starts from ("Draft from this commission"). */
@Component
class CommissionBriefs implements DraftBriefs {

	private final Commissions commissions;

	CommissionBriefs(Commissions commissions) {
		this.commissions = commissions;
	}

	@Override
	public Optional<Brief> commission(Viewer viewer, String commission) {
		try {
			CommissionId id = new CommissionId(commission);
			return Optional.of(new Brief(commissions.brief(viewer, id), "the commission",
					"/commissions/" + id.value()));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	@Override
	public void draftKept(Viewer viewer, String commission, String draftId) {
		commissions.draftKept(viewer, new CommissionId(commission), draftId);
	}
}
