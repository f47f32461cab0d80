package org.quntuan.governance.votes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of votes for the pages, the API and other modules, scoped as {@link VoteAccess} says. */
@Service
@Transactional(readOnly = true)
public class VoteQueries {

	private final VoteRepository votes;

	private final VoteAccess access;

	private final Clock clock;

	VoteQueries(VoteRepository votes, VoteAccess access, Clock clock) {
		this.votes = votes;
		this.access = access;
		this.clock = clock;
	}

	/** Whether the caller may make votes (the new-vote button). */
	public boolean creates() {
		return access.current().scope().isAdmin();
	}

	/** The votes the caller may vote in or administers, latest close first. */
	public PageResult<VoteViews.Summary> list(PageRequest page) {
		CurrentUser user = access.current();
		return votes.visible(user.personId(), VoteAccess.managed(user), page).map(v -> summary(user, v));
	}

	public VoteViews.Detail detail(long id) {
		CurrentUser user = access.current();
		VoteRepository.VoteRow v = access.visible(user, id);
		return new VoteViews.Detail(summary(user, v), v.creatorName(),
				votes.options(id).stream().map(o -> new VoteViews.Option(o.id(), o.label())).toList());
	}

	/** Counts per option after the close; for an open vote also who chose what. */
	public VoteViews.Results results(long id) {
		CurrentUser user = access.current();
		VoteRepository.VoteRow v = access.visible(user, id);
		if (OffsetDateTime.now(clock).isBefore(v.closesAt())) {
			throw new BusinessRuleException("votes.error.results-not-yet", v.title());
		}
		Map<Long, String> labels = new LinkedHashMap<>();
		votes.options(id).forEach(o -> labels.put(o.id(), o.label()));
		List<VoteViews.OptionCount> counts = votes.counts(id).stream()
			.map(c -> new VoteViews.OptionCount(c[0], labels.get(c[0]), c[1])).toList();
		List<VoteViews.OpenChoice> choices = null;
		if (!v.secret()) {
			Map<String, VoteViews.OpenChoice> byVoter = new LinkedHashMap<>();
			for (String[] row : votes.openChoices(id)) {
				byVoter.computeIfAbsent(row[3], k -> new VoteViews.OpenChoice(row[0], row[1], new ArrayList<>())).options()
					.add(row[2]);
			}
			choices = List.copyOf(byVoter.values());
		}
		return new VoteViews.Results(id, v.title(), v.secret(), v.eligible(), votes.ballots(id), counts, choices);
	}

	/** Who voted, by name, for the admins of the vote's org. */
	public PageResult<VoteViews.Voter> voters(long id, PageRequest page) {
		CurrentUser user = access.current();
		VoteRepository.VoteRow v = access.visible(user, id);
		if (!VoteAccess.manages(user, v)) {
			throw new ForbiddenException("votes.error.voters-forbidden");
		}
		return votes.voters(id, page);
	}

	private VoteViews.Summary summary(CurrentUser user, VoteRepository.VoteRow v) {
		boolean eligible = access.eligible(user, v.id());
		boolean voted = eligible && votes.voted(v.id(), user.personId());
		return new VoteViews.Summary(v.id(), v.title(), v.ownerOrgName(), v.secret(), v.maxChoices(), v.opensAt(),
				v.closesAt(), VoteState.at(OffsetDateTime.now(clock), v.opensAt(), v.closesAt()).toCodeLabel(), v.eligible(),
				eligible, voted, VoteAccess.manages(user, v));
	}
}
