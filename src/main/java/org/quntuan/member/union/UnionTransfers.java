package org.quntuan.member.union;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.PersonTransferred;
import org.quntuan.member.UnionStatus;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 会员关系转接: a member transferred to another organ leaves a transfer open; the old organ's union releases
 * the membership, then the new one accepts it (each with who and when). The member's history, dues, honors,
 * care and volunteering stay with the person: only the union their number belongs to changes.
 */
@Service
@Transactional
public class UnionTransfers {

	private final TransferRepository transfers;

	private final UnionRepository repository;

	private final UnionAccess access;

	private final OrganizationQueries orgs;

	private final AuditLog audit;

	private final Clock clock;

	UnionTransfers(TransferRepository transfers, UnionRepository repository, UnionAccess access, OrganizationQueries orgs,
			AuditLog audit, Clock clock) {
		this.transfers = transfers;
		this.repository = repository;
		this.access = access;
		this.orgs = orgs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opened in the transfer's own transaction (same module, so a plain listener: the person's move and the
	 * open transfer commit together or not at all). Only members and retained members have a membership to move.
	 */
	@EventListener
	void transferred(PersonTransferred e) {
		if (!UnionStatus.MEMBER.name().equals(e.unionStatus()) && !UnionStatus.RETAINED.name().equals(e.unionStatus())) {
			return;
		}
		Long toUnion = repository.unionOf(e.toOrganId());
		var open = transfers.openOf(e.personId());
		if (open.isPresent()) {
			if (open.get().fromOrganId() == e.toOrganId()) {
				transfers.delete(open.get().id());
			}
			else {
				transfers.retarget(open.get().id(), e.toOrganId(), toUnion);
			}
			return;
		}
		transfers.open(e.personId(), e.fromOrganId(), e.toOrganId(), repository.unionOf(e.fromOrganId()), toUnion,
				OffsetDateTime.now(clock));
	}

	public void release(long id, Integer version) {
		CurrentUser user = access.requireKeeper();
		TransferRepository.TransferRow t = visible(id);
		if (!access.keeps(t.fromOrganId())) {
			throw new BusinessRuleException("union.transfer.error.release-not-yours");
		}
		if (t.state() != TransferState.WAITING_RELEASE) {
			throw new ConflictException("union.transfer.error.state-now", t.state().label());
		}
		if (transfers.release(id, version, user.accountId(), OffsetDateTime.now(clock)) == 0) {
			throw new ConflictException("union.error.stale");
		}
		audited(t, "union.audit.released");
	}

	public void accept(long id, Integer version) {
		CurrentUser user = access.requireKeeper();
		TransferRepository.TransferRow t = visible(id);
		if (!access.keeps(t.toOrganId())) {
			throw new BusinessRuleException("union.transfer.error.accept-by-releasing");
		}
		if (t.state() == TransferState.WAITING_RELEASE) {
			throw new BusinessRuleException("union.transfer.error.not-released");
		}
		if (t.state() != TransferState.WAITING_ACCEPT) {
			throw new ConflictException("union.transfer.error.state-now", t.state().label());
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (transfers.accept(id, version, user.accountId(), now) == 0) {
			throw new ConflictException("union.error.stale");
		}
		UnionRepository.PersonFacts p = repository.person(t.personId()).orElseThrow(NotFoundException::new);
		if (t.toUnionId() != null) {
			repository.moveMembership(t.personId(), t.toUnionId());
		}
		repository.history(t.personId(), p.unionStatus(), p.unionStatus(), now.atZoneSameInstant(Zones.BUSINESS).toLocalDate(),
				t.toUnionId(), Texts.chinese("union.history.transferred", name(t.fromUnionId(), t.fromOrganId()),
						name(t.toUnionId(), t.toOrganId())), user.accountId(), now);
		audited(t, "union.audit.accepted");
	}

	private TransferRepository.TransferRow visible(long id) {
		TransferRepository.TransferRow t = transfers.find(id).orElseThrow(NotFoundException::new);
		if (!access.keeps(t.fromOrganId()) && !access.keeps(t.toOrganId())) {
			throw new NotFoundException();
		}
		return t;
	}

	private String name(Long unionId, long organId) {
		return orgs.find(unionId != null ? unionId : organId).map(OrgSummary::name).orElse("");
	}

	private void audited(TransferRepository.TransferRow t, String key) {
		String person = repository.person(t.personId()).map(UnionRepository.PersonFacts::name).orElse("");
		audit.record(AuditType.UPDATE, "UNION_TRANSFER", t.id(), AuditLog.SUCCESS,
				Texts.chinese(key, person, name(t.fromUnionId(), t.fromOrganId()), name(t.toUnionId(), t.toOrganId())),
				orgs.find(t.toOrganId()).map(OrgSummary::path).orElse(null));
	}
}
