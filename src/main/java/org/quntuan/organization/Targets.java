package org.quntuan.organization;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.quntuan.platform.InvalidValueException;

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
			throw new InvalidValueException("targets", "请选择一种发送对象：全部、指定组织、指定片组或某类组织");
		}
		// the API checks this as the body is read (RequestBodyChecks); pages come here
		for (List<Long> ids : Arrays.asList(orgIds, groupIds)) {
			if (ids != null && ids.size() > MAX_IDS) {
				throw new InvalidValueException(ids == orgIds ? "targets.orgIds" : "targets.groupIds",
						"最多可选择 " + MAX_IDS + " 个对象，本次选择了 " + ids.size() + " 个");
			}
		}
		if (orgIds != null && orgIds.isEmpty() || groupIds != null && groupIds.isEmpty()) {
			throw new InvalidValueException("targets", "请至少选择一个对象");
		}
		if (orgType != null && !orgType.isMassOrganization()) {
			throw new InvalidValueException("targets", "按类别发送只能选择工会、团组织或妇委会");
		}
		return this;
	}
}
