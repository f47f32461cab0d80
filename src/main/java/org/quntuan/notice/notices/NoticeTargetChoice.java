package org.quntuan.notice.notices;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.organization.Targets;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.springframework.stereotype.Component;

/**
 * The "send to" part of the notice and collection forms: a mode (everyone, one type, groups, chosen
 * orgs) and the options the caller may choose from, all within their admin reach.
 */
@Component
public class NoticeTargetChoice {

	/** What a form posts: {@code targetMode} = ALL | TYPE | GROUPS | ORGS. */
	public record Form(String targetMode, String orgType, List<Long> groupIds, List<Long> orgIds) {

		public Targets toTargets() {
			String mode = targetMode == null ? "" : targetMode;
			return switch (mode) {
				case "ALL" -> Targets.everyone();
				case "TYPE" -> {
					OrgType type = Coded.parse(OrgType.class, orgType);
					if (type == null) {
						throw new InvalidValueException("targets", "notice.notice.error.org-type-required");
					}
					yield Targets.ofType(type);
				}
				case "GROUPS" -> Targets.groups(clean(groupIds));
				case "ORGS" -> Targets.orgs(clean(orgIds));
				default -> throw new InvalidValueException("targets", "notice.common.error.targets-required");
			};
		}

		private static List<Long> clean(List<Long> ids) {
			return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).toList();
		}
	}

	public record Options(List<OrgSummary> groups, List<OrgSummary> orgs, List<OrgType> types) {
	}

	private final TargetOrgs targetOrgs;

	private final OrganizationQueries orgs;

	private final CurrentUserProvider users;

	NoticeTargetChoice(TargetOrgs targetOrgs, OrganizationQueries orgs, CurrentUserProvider users) {
		this.targetOrgs = targetOrgs;
		this.orgs = orgs;
		this.users = users;
	}

	/** The 工会, 团组织 and 妇委会 in reach, and the groups above them that the caller administers. */
	public Options options() {
		List<OrgSummary> massOrgs = targetOrgs.recipients(Targets.everyone());
		List<Long> organIds = massOrgs.stream().map(OrgSummary::parentId).filter(Objects::nonNull).distinct().toList();
		List<Long> groupIds = orgs.findAll(organIds).stream().map(OrgSummary::parentId).filter(Objects::nonNull)
			.distinct().toList();
		List<OrgSummary> groups = orgs.findAll(groupIds).stream()
			.filter(g -> g.type() == OrgType.GROUP && g.active())
			.filter(g -> !massOrgs.isEmpty() && reaches(g))
			.sorted(Comparator.comparing(OrgSummary::path))
			.toList();
		return new Options(groups, massOrgs, List.of(OrgType.UNION, OrgType.LEAGUE, OrgType.WOMEN));
	}

	private boolean reaches(OrgSummary group) {
		return NoticePaths.of(users.current()).covers(group.path());
	}
}
