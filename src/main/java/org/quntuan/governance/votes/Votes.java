package org.quntuan.governance.votes;

import org.quntuan.platform.Text;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote engine (投票): admins make a vote for an org they reach, its people vote once inside the window,
 * results come after the close. A secret ballot is written as a randomly keyed row without its voter, and
 * the register of who voted is a separate row without time, both in one transaction: no table, answer,
 * log line or audit text pairs a voter with a choice. Other modules (教育评议, honors' pre-selection) make
 * and read votes through this facade and {@link VoteQueries}.
 */
@Service
@Transactional
public class Votes {

	static final String VOTE = "GOV_VOTE";

	static final String BALLOT = "GOV_VOTE_BALLOT";

	private final VoteRepository votes;

	private final VoteAccess access;

	private final VoteRequests requests;

	private final AuditLog audit;

	private final Clock clock;

	Votes(VoteRepository votes, VoteAccess access, VoteRequests requests, AuditLog audit, Clock clock) {
		this.votes = votes;
		this.access = access;
		this.requests = requests;
		this.audit = audit;
		this.clock = clock;
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** Makes a vote as the caller (an admin reaching its org) and fixes who may vote. */
	public long create(VoteRequest r) {
		CurrentUser user = access.current();
		VoteRequests.Checked c = requests.check(r, user, now());
		long id = votes.insert(c.title(), c.org().id(), c.secret(), c.maxChoices(), c.opensAt(), c.closesAt(),
				user.accountId(), user.displayName(), now());
		for (int i = 0; i < c.options().size(); i++) {
			votes.insertOption(id, i + 1, c.options().get(i));
		}
		int voters;
		if (c.personIds().isEmpty()) {
			voters = votes.addVotersOf(id, c.org(), c.organ(), access.administeredPeople());
		}
		else {
			c.personIds().forEach(p -> votes.addVoter(id, p));
			voters = c.personIds().size();
		}
		if (voters == 0) {
			throw new InvalidValueException("orgId", "votes.error.nobody");
		}
		audit.record(AuditType.CREATE, VOTE, id, AuditLog.SUCCESS, Texts.chinese("votes.audit.created", c.title(),
				c.org().name(), voters, Texts.chinese(c.secret() ? "votes.secret" : "votes.open")), c.org().path());
		return id;
	}

	/**
	 * Casts the caller's ballot: once, inside the window, with 1 to max choices among the vote's options.
	 * The audit says that the caller voted, never how.
	 */
	public void cast(long voteId, List<Long> choices) {
		CurrentUser user = access.current();
		VoteRepository.VoteRow v = access.visible(user, voteId);
		if (!access.eligible(user, voteId)) {
			throw new ForbiddenException("votes.error.not-eligible");
		}
		OffsetDateTime now = now();
		if (now.isBefore(v.opensAt())) {
			throw new BusinessRuleException("votes.error.not-open", v.title());
		}
		if (!now.isBefore(v.closesAt())) {
			throw new BusinessRuleException("votes.error.closed", v.title());
		}
		Set<Long> chosen = chosen(v, choices);
		if (votes.voted(voteId, user.personId())) {
			throw new ConflictException("votes.error.voted", v.title());
		}
		try {
			votes.register(voteId, user.personId());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("votes.error.voted", v.title());
		}
		votes.ballot(voteId, v.secret() ? null : user.personId(), chosen);
		audit.record(AuditType.CREATE, BALLOT, voteId, AuditLog.SUCCESS, Texts.chinese("votes.audit.voted", v.title()),
				v.ownerOrgPath());
	}

	private Set<Long> chosen(VoteRepository.VoteRow v, List<Long> choices) {
		if (choices == null || choices.isEmpty()) {
			throw new InvalidValueException("choices", "votes.error.choices-required");
		}
		Set<Long> options = new LinkedHashSet<>();
		votes.options(v.id()).forEach(o -> options.add(o.id()));
		Set<Long> chosen = new LinkedHashSet<>();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		for (Long c : choices) {
			if (c == null || !options.contains(c)) {
				problems.add(new InvalidValueException.Problem("choices", "votes.error.option"));
			}
			else if (!chosen.add(c)) {
				problems.add(new InvalidValueException.Problem("choices", "votes.error.option-twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (chosen.size() > v.maxChoices()) {
			throw new InvalidValueException("choices", Text.of("votes.error.too-many", v.maxChoices()));
		}
		return chosen;
	}
}
