package org.quntuan.governance.votes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.InvalidValueException.Problem;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.UserMessageException;
import org.springframework.stereotype.Component;

/** Checks a new vote: every problem of the request at once, then whether the caller reaches its org and people. */
@Component
class VoteRequests {

	static final int MAX_OPTIONS = 50;

	record Checked(String title, VoteRepository.OrgRow org, long organ, List<String> options, OffsetDateTime opensAt,
			OffsetDateTime closesAt, boolean secret, int maxChoices, List<Long> personIds) {
	}

	private final VoteRepository votes;

	private final VoteAccess access;

	VoteRequests(VoteRepository votes, VoteAccess access) {
		this.votes = votes;
		this.access = access;
	}

	Checked check(VoteRequest r, CurrentUser user, OffsetDateTime now) {
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("votes.error.create-forbidden");
		}
		List<Problem> problems = new ArrayList<>();
		String title = null;
		try {
			title = TextInput.name("title", r.title());
		}
		catch (UserMessageException ex) {
			// reported below
		}
		if (title == null || title.isEmpty() || title.length() > 200) {
			problems.add(new Problem("title", "votes.error.title"));
		}
		List<String> options = options(r.options(), problems);
		if (r.opensAt() == null || r.closesAt() == null) {
			problems.add(new Problem("closesAt", "votes.error.window-required"));
		}
		else if (!r.closesAt().isAfter(r.opensAt())) {
			problems.add(new Problem("closesAt", "votes.error.window-order"));
		}
		else if (!r.closesAt().isAfter(now)) {
			problems.add(new Problem("closesAt", "votes.error.window-past"));
		}
		if (r.secret() == null) {
			problems.add(new Problem("secret", "votes.error.secret-required"));
		}
		int max = r.maxChoices() == null ? 1 : r.maxChoices();
		if (max < 1 || max > Math.max(1, options.size())) {
			problems.add(new Problem("maxChoices", "votes.error.max-choices"));
		}
		VoteRepository.OrgRow org = r.orgId() == null ? null : votes.org(r.orgId()).orElse(null);
		if (org == null) {
			problems.add(new Problem("orgId", "votes.error.org"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (!VoteAccess.reaches(user, org.path())) {
			throw new ForbiddenException("votes.error.org-forbidden", org.name());
		}
		List<Long> people = people(r.personIds());
		long organ = List.of("UNION", "LEAGUE", "WOMEN").contains(org.type()) && org.parentId() != null ? org.parentId() : -1;
		return new Checked(title, org, organ, options, r.opensAt(), r.closesAt(), r.secret(), max, people);
	}

	private static List<String> options(List<String> given, List<Problem> problems) {
		List<String> options = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		if (given != null) {
			for (int i = 0; i < given.size(); i++) {
				String o;
				try {
					o = TextInput.name("options[" + i + "]", given.get(i));
				}
				catch (UserMessageException ex) {
					o = null;
				}
				if (o == null || o.isEmpty() || o.length() > 200) {
					problems.add(new Problem("options[" + i + "]", "votes.error.option-text"));
				}
				else if (!seen.add(o)) {
					problems.add(new Problem("options[" + i + "]", "votes.error.option-duplicate"));
				}
				else {
					options.add(o);
				}
			}
		}
		if (given == null || given.size() < 2 || given.size() > MAX_OPTIONS) {
			problems.add(new Problem("options", "votes.error.options"));
		}
		return options;
	}

	/** The explicit list: each within the caller's reach, or 400 naming the field. */
	private List<Long> people(List<Long> personIds) {
		if (personIds == null || personIds.isEmpty()) {
			return List.of();
		}
		Set<Long> wanted = new LinkedHashSet<>();
		for (Long p : personIds) {
			if (p == null) {
				throw new InvalidValueException("personIds", "votes.error.people");
			}
			wanted.add(p);
		}
		List<Long> found = votes.reachable(wanted, access.administeredPeople());
		if (found.size() != wanted.size()) {
			throw new InvalidValueException("personIds", "votes.error.people");
		}
		return List.copyOf(wanted);
	}
}
