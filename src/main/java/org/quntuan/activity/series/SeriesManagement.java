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
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
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
			throw new ForbiddenException("activity.series.error.admin-only");
		}
		if (plan.year() == null || plan.year() < 2000 || plan.year() > 2100) {
			throw new InvalidValueException("year", "activity.error.year-invalid");
		}
		List<SeriesPlan.Quarter> given = plan.quarters() == null ? List.of() : plan.quarters();
		Set<Integer> seen = new HashSet<>();
		for (SeriesPlan.Quarter q : given) {
			if (q == null || q.quarter() == null || q.quarter() < 1 || q.quarter() > 4) {
				throw new InvalidValueException("quarters", "activity.series.error.quarter-range");
			}
			if (!seen.add(q.quarter())) {
				throw new InvalidValueException("quarters", Text.of("activity.series.error.quarter-twice", q.quarter()));
			}
			if (q.theme() != null && q.theme().strip().length() > 50 || q.description() != null && q.description().length() > 2000) {
				throw new InvalidValueException("theme", "activity.series.error.too-long");
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
				Texts.chinese(created > 0 ? "activity.series.audit.planned" : "activity.series.audit.changed", plan.year(),
						given.stream().map(q -> Texts.chinese("activity.series.audit.quarter", q.quarter()))
							.reduce((x, y) -> x + "、" + y)
							.orElseGet(() -> Texts.chinese("activity.series.audit.default-themes"))),
				federation);
		return plan.year();
	}
}
