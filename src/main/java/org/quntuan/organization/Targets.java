package org.quntuan.organization;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

/**
 * Whom a notice, a collection task, a form or an activity is for, as one JSON object with exactly
 * one of its forms: {@code {"all": true}}, {@code {"orgIds": […]}}, {@code {"groupIds": […]}} or
 * {@code {"orgType": "UNION"}}. {@link TargetOrgs} resolves it against the sender's scope.
 */
public record Targets(Boolean all, @Size(max = Targets.MAX_IDS) List<Long> orgIds,
		@Size(max = Targets.MAX_IDS) List<Long> groupIds, OrgType orgType) {

	/** More orgs than the city has: a list this long is a mistake or an attack, never a choice. */
	public static final int MAX_IDS = 2000;

	public static Targets everyone() {
		return new Targets(true, null, null, null);
	}

	public static Targets orgs(List<Long> ids) {
		return new Targets(null, List.copyOf(ids), null, null);
	}

	public static Targets groups(List<Long> ids) {
		return new Targets(null, null, List.copyOf(ids), null);
	}

	public static Targets ofType(OrgType type) {
		return new Targets(null, null, null, type);
	}

	/** Throws a Chinese message unless exactly one form is given and it is not empty. */
	public Targets validated() {
		int forms = (Boolean.TRUE.equals(all) ? 1 : 0) + (orgIds != null ? 1 : 0) + (groupIds != null ? 1 : 0)
				+ (orgType != null ? 1 : 0);
		if (forms != 1) {
			throw new InvalidValueException("targets", "organization.targets.error.one-form");
		}
		// the API checks this as the body is read (RequestBodyChecks); pages come here
		for (List<Long> ids : Arrays.asList(orgIds, groupIds)) {
			if (ids != null && ids.size() > MAX_IDS) {
				throw new InvalidValueException(ids == orgIds ? "targets.orgIds" : "targets.groupIds",
						Text.of("organization.targets.error.too-many", MAX_IDS, ids.size()));
			}
		}
		if (orgIds != null && orgIds.isEmpty() || groupIds != null && groupIds.isEmpty()) {
			throw new InvalidValueException("targets", "organization.targets.error.none");
		}
		if (orgType != null && !orgType.isMassOrganization()) {
			throw new InvalidValueException("targets", "organization.targets.error.mass-org-type");
		}
		return this;
	}
}
