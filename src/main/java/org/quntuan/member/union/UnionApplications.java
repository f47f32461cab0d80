package org.quntuan.member.union;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.UnionStatus;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入会申请: a person applies for themselves, under their real name (the ID number they type must be the one
 * on their record) and accepting the 中国工会章程; the admins who keep their organ's union membership approve
 * (会员 from that day, with a number and a history row) or reject, once.
 */
@Service
@Transactional
public class UnionApplications {

	private final UnionRepository repository;

	private final UnionAccess access;

	private final MemberNumbers numbers;

	private final OrganizationQueries orgs;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	UnionApplications(UnionRepository repository, UnionAccess access, MemberNumbers numbers, OrganizationQueries orgs,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.numbers = numbers;
		this.orgs = orgs;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the applicant sends. */
	record Form(String idNumber, Boolean consent, String statement) {
	}

	public long apply(Form form) {
		long personId = access.requirePerson();
		CurrentUser user = access.user();
		String typed = form.idNumber() == null ? "" : form.idNumber().strip().toUpperCase(Locale.ROOT);
		if (typed.isEmpty()) {
			throw new InvalidValueException("idNumber", "union.application.error.id-missing");
		}
		if (!Boolean.TRUE.equals(form.consent())) {
			throw new InvalidValueException("consent", "union.application.error.consent");
		}
		String statement = TextInput.normalize(form.statement());
		if (statement != null && statement.length() > 500) {
			throw new InvalidValueException("statement", "union.application.error.statement-long");
		}
		UnionRepository.PersonFacts p = repository.lockPerson(personId).orElseThrow(NotFoundException::new);
		if (!p.idNumber().equalsIgnoreCase(typed)) {
			throw new InvalidValueException("idNumber", "union.application.error.id-mismatch");
		}
		if (!p.active()) {
			throw new BusinessRuleException("union.application.error.inactive");
		}
		if (p.unionStatus() == UnionStatus.MEMBER || p.unionStatus() == UnionStatus.RETAINED) {
			throw new ConflictException("union.application.error.member", p.unionStatus().label());
		}
		if (repository.hasPending(personId)) {
			throw new ConflictException("union.application.error.pending");
		}
		if (p.unionId() == null) {
			throw new BusinessRuleException("union.application.error.no-union", p.organName());
		}
		long id;
		try {
			id = repository.insertApplication(personId, p.organId(), p.unionId(), user.accountId(), statement, now());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("union.application.error.pending");
		}
		audit.record(AuditType.CREATE, "UNION_APPLICATION", id, AuditLog.SUCCESS,
				Texts.chinese("union.audit.applied", p.name(), p.unionName()), organPath(p.organId()));
		return id;
	}

	/** Approves (the person is 会员 from today, with a number) or rejects (a reason is required), once. */
	public void decide(long id, Boolean approve, String rawReason, Integer version) {
		CurrentUser user = access.requireKeeper();
		UnionRepository.ApplicationRow a = repository.application(id).orElseThrow(NotFoundException::new);
		if (!access.keeps(a.organId())) {
			throw new NotFoundException();
		}
		if (approve == null) {
			throw new InvalidValueException("approve", "union.application.error.approve-missing");
		}
		String reason = TextInput.normalize(rawReason);
		if (reason != null && reason.length() > 200) {
			throw new InvalidValueException("reason", "union.error.reason-long");
		}
		if (!approve && reason == null) {
			throw new InvalidValueException("reason", "union.application.error.reason-missing");
		}
		if (a.state() != ApplicationState.PENDING) {
			throw new ConflictException("union.application.error.decided", a.state().label());
		}
		OffsetDateTime now = now();
		int decided = repository.decide(id, version, approve ? ApplicationState.APPROVED : ApplicationState.REJECTED, reason,
				user.accountId(), now);
		if (decided == 0) {
			throw new ConflictException(version != null && a.version() != version ? "union.error.stale"
					: "union.application.error.decided-meanwhile");
		}
		UnionRepository.PersonFacts p = repository.lockPerson(a.personId()).orElseThrow(NotFoundException::new);
		String number = null;
		if (approve) {
			number = join(p, a, reason, user, now);
		}
		audit.record(AuditType.DECIDE, "UNION_APPLICATION", id, AuditLog.SUCCESS, approve
				? Texts.chinese("union.audit.approved", p.name(), number)
				: Texts.chinese("union.audit.rejected", p.name(), reason), organPath(a.organId()));
		notifications.send(NotificationRequest.of("union-application-decided-" + id,
				approve ? "union-application-approved" : "union-application-rejected", List.of(a.applicantAccountId()),
				orgs.find(a.unionId()).map(OrgSummary::name).orElse(""), approve ? number : reason)
			.withLink("/union/apply").via(Channel.INBOX));
	}

	private String join(UnionRepository.PersonFacts p, UnionRepository.ApplicationRow a, String reason, CurrentUser user,
			OffsetDateTime now) {
		if (p.unionStatus() == UnionStatus.MEMBER || p.unionStatus() == UnionStatus.RETAINED) {
			throw new ConflictException("union.application.error.member", p.unionStatus().label());
		}
		LocalDate today = now.atZoneSameInstant(Zones.BUSINESS).toLocalDate();
		if (repository.changeStatus(p.id(), null, p.unionStatus(), UnionStatus.MEMBER, today, now) == 0) {
			throw new ConflictException("union.error.stale");
		}
		String number = numbers.assign(p.id(), a.unionId(), today);
		repository.history(p.id(), p.unionStatus(), UnionStatus.MEMBER, today, a.unionId(),
				reason == null ? Texts.chinese("union.history.joined") : Texts.chinese("union.history.joined-with", reason),
				user.accountId(), now);
		return number;
	}

	private String organPath(long organId) {
		return orgs.find(organId).map(OrgSummary::path).orElse(null);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}
}
