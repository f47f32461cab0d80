package org.quntuan.activity.series;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Role;
import org.quntuan.platform.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The federation plans a year's 四季有你 series: a theme and a description per quarter. */
@Service
@Transactional
public class SeriesManagement {

	private final SeriesRepository series;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	SeriesManagement(SeriesRepository series, CurrentUserProvider users, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.series = series;
		this.users = users;
		this.clock = clock;
	}

	/** Creates the year's four quarters, or updates the themes given; returns the year. */
	public int plan(SeriesPlan plan) {
		CurrentUser user = users.current();
		if (!user.scope().has(Role.FEDERATION_ADMIN)) {
			throw new ForbiddenException("只有工委管理员可以安排四季有你系列活动");
		}
		if (plan.year() == null || plan.year() < 2000 || plan.year() > 2100) {
			throw new InvalidValueException("year", "年度无效");
		}
		List<SeriesPlan.Quarter> given = plan.quarters() == null ? List.of() : plan.quarters();
		Set<Integer> seen = new HashSet<>();
		for (SeriesPlan.Quarter q : given) {
			if (q == null || q.quarter() == null || q.quarter() < 1 || q.quarter() > 4) {
				throw new InvalidValueException("quarters", "季度为 1 到 4");
			}
			if (!seen.add(q.quarter())) {
				throw new InvalidValueException("quarters", "第 " + q.quarter() + " 季度重复");
			}
			if (q.theme() != null && q.theme().strip().length() > 50 || q.description() != null && q.description().length() > 2000) {
				throw new InvalidValueException("theme", "主题最多 50 个字，说明最多 2000 个字");
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		int created = 0;
		for (int quarter = 1; quarter <= 4; quarter++) {
			int number = quarter;
			SeriesPlan.Quarter q = given.stream().filter(g -> g.quarter() == number).findFirst().orElse(null);
			Long existing = series.lock(plan.year(), quarter).orElse(null);
			String theme = q == null ? null : TextInput.name("theme", q.theme());
			String description = q == null ? null : TextInput.text("description", q.description());
			if (existing == null) {
				series.insert(plan.year(), quarter, theme != null ? theme : SeriesPlan.DEFAULT_THEMES.get(quarter - 1),
						description != null ? description : SeriesPlan.DEFAULT_DESCRIPTIONS.get(quarter - 1), now);
				created++;
			}
			else if (q != null) {
				series.update(existing, theme, description, now);
			}
		}
		String federation = user.scope().grantsFor(Role.FEDERATION_ADMIN).get(0).orgPath();
		audit.record(created > 0 ? AuditType.CREATE : AuditType.UPDATE, "SERIES", plan.year(), AuditLog.SUCCESS,
				(created > 0 ? "安排 " : "修改 ") + plan.year() + " 年度四季有你系列活动："
						+ given.stream().map(q -> "第 " + q.quarter() + " 季度").reduce((x, y) -> x + "、" + y).orElse("沿用默认主题"),
				federation);
		return plan.year();
	}
}
