package org.quntuan.member.union;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.UnionStatus;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退会 and 保留会籍 (on retirement, on leaving), by the admins who keep the person's organ's union
 * membership, with a reason and the person's version: the union status on the record changes, a history row
 * is written and the audit log says who did it.
 */
@Service
@Transactional
public class UnionExits {

	private final UnionRepository repository;

	private final UnionAccess access;

	private final OrganizationQueries orgs;

	private final AuditLog audit;

	private final Clock clock;

	UnionExits(UnionRepository repository, UnionAccess access, OrganizationQueries orgs, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.orgs = orgs;
		this.audit = audit;
		this.clock = clock;
	}

	/** @param kind {@code LEFT} (退会) or {@code RETAINED} (保留会籍), or their Chinese names */
	public void exit(long personId, String kind, LocalDate effectiveDate, String rawReason, Integer version) {
		CurrentUser user = access.requireKeeper();
		UnionRepository.PersonFacts p = repository.person(personId).orElseThrow(NotFoundException::new);
		if (!access.keeps(p.organId())) {
			throw new NotFoundException();
		}
		UnionStatus to = kind(kind);
		if (version == null) {
			throw new InvalidValueException("version", "union.error.version-missing");
		}
		String reason = TextInput.normalize(rawReason);
		if (reason == null) {
			throw new InvalidValueException("reason", "union.exit.error.reason-missing");
		}
		if (reason.length() > 200) {
			throw new InvalidValueException("reason", "union.error.reason-long");
		}
		boolean allowed = p.unionStatus() == UnionStatus.MEMBER
				|| p.unionStatus() == UnionStatus.RETAINED && to == UnionStatus.LEFT;
		if (!allowed) {
			throw new BusinessRuleException("union.exit.error.status", p.unionStatus().label(), to.label());
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = now.atZoneSameInstant(Zones.BUSINESS).toLocalDate();
		LocalDate date = effectiveDate == null ? today : effectiveDate;
		if (date.isAfter(today)) {
			throw new InvalidValueException("effectiveDate", Text.of("union.exit.error.date-future", today));
		}
		if (p.unionJoinedOn() != null && date.isBefore(p.unionJoinedOn())) {
			throw new InvalidValueException("effectiveDate", Text.of("union.exit.error.date-before-joining", p.unionJoinedOn()));
		}
		if (repository.changeStatus(personId, version, p.unionStatus(), to, p.unionJoinedOn(), now) == 0) {
			throw new ConflictException("union.error.stale");
		}
		Long unionId = repository.unionOf(p.organId());
		repository.history(personId, p.unionStatus(), to, date, unionId, reason, user.accountId(), now);
		audit.record(AuditType.UPDATE, "UNION_MEMBERSHIP", personId, AuditLog.SUCCESS,
				Texts.chinese("union.audit.exit", p.name(), to.label(), reason),
				orgs.find(p.organId()).map(OrgSummary::path).orElse(null));
	}

	private static UnionStatus kind(String kind) {
		UnionStatus to;
		try {
			to = Coded.parse(UnionStatus.class, kind);
		}
		catch (InvalidValueException ex) {
			to = null;
		}
		if (to != UnionStatus.LEFT && to != UnionStatus.RETAINED) {
			throw new InvalidValueException("kind", "union.exit.error.kind");
		}
		return to;
	}
}
