package org.quntuan.care.women;

import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.springframework.stereotype.Component;

/**
 * Who sees the women's committees' care. The federation (a federation admin at the root) sees and
 * plans everything; an admin of an organ's women's committee (妇委会 / 女工委, a grant at an org of type
 * WOMEN) sees the women of that organ only; a woman sees her own. Nobody else counts, not a union admin
 * of the same organ, nor an admin of a 片组 above it: these are health data.
 */
@Component
class WomenAccess {

	private final CurrentUserProvider users;

	WomenAccess(CurrentUserProvider users) {
		this.users = users;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean federation(CurrentUser user) {
		return user.scope().grants().stream().anyMatch(g -> g.role() == Role.FEDERATION_ADMIN && g.atRoot());
	}

	/** The organs whose women's committee the caller administers. */
	static Set<Long> committeeOrgans(CurrentUser user) {
		return user.scope().adminGrants().stream()
			.filter(g -> g.orgType() == OrgLevel.WOMEN && g.organId() != null)
			.map(ScopeGrant::organId)
			.collect(Collectors.toSet());
	}

	/** Whether the caller acts for the women of the organ: its women's committee or the federation. */
	static boolean caresFor(CurrentUser user, long organId) {
		return federation(user) || committeeOrgans(user).contains(organId);
	}

	/** Whether the caller is on any women's committee or the federation (the admin parts of the pages). */
	static boolean committee(CurrentUser user) {
		return federation(user) || !committeeOrgans(user).isEmpty();
	}

	/** The sign-up if the caller is the woman, her organ's committee or the federation; 404 otherwise. */
	static ScreeningRepository.SignupRow seen(CurrentUser user, ScreeningRepository.SignupRow s) {
		if (user.isSelf(s.personId()) || caresFor(user, s.organId())) {
			return s;
		}
		throw new NotFoundException();
	}
}
