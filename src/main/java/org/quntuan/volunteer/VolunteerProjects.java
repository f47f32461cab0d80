package org.quntuan.volunteer;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation's standing projects (社区敬老, 五水共治, …: a partner community and a leader) and its yearly
 * campaigns (学雷锋纪念日 3 March, 国际志愿者日 5 December): records everyone reads and the federation adds.
 */
@Service
@Transactional
class VolunteerProjects {

	static final String OWNER = "VOLUNTEER_PROJECT";

	private final JdbcClient jdbc;

	private final VolunteerAccess access;

	private final AuditLog audit;

	private final Clock clock;

	VolunteerProjects(JdbcClient jdbc, VolunteerAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	boolean mayAdd() {
		return access.user().scope().has(Role.FEDERATION_ADMIN);
	}

	@Transactional(readOnly = true)
	PageResult<VolunteerViews.Project> list(PageRequest page) {
		return SqlPages.page(jdbc, "id, kind, name, description, partner, leader, campaign_month, campaign_day",
				"from volunteer_project", "kind desc, id", Map.of(), page,
				(rs, i) -> new VolunteerViews.Project(rs.getLong(1), ProjectKind.valueOf(rs.getString(2)).toCodeLabel(),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						(Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class)));
	}

	long add(VolunteerViews.ProjectInput input) {
		if (!mayAdd()) {
			throw new ForbiddenException("volunteer.project.error.federation-only");
		}
		VolunteerViews.ProjectInput in = input == null
				? new VolunteerViews.ProjectInput(null, null, null, null, null, null, null) : input;
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		ProjectKind kind = null;
		try {
			kind = Coded.parse(ProjectKind.class, in.kind());
		}
		catch (InvalidValueException ex) {
			// reported below as a missing kind
		}
		if (kind == null) {
			problems.add(new InvalidValueException.Problem("kind", "volunteer.project.error.kind"));
		}
		String name = TextInput.name("name", in.name());
		if (name == null || name.length() > 100) {
			problems.add(new InvalidValueException.Problem("name", Text.of("volunteer.error.too-long", 100)));
		}
		String description = TextInput.text("description", in.description());
		String partner = TextInput.name("partner", in.partner());
		String leader = TextInput.name("leader", in.leader());
		if (kind == ProjectKind.PROJECT && (partner == null || leader == null)) {
			problems.add(new InvalidValueException.Problem(partner == null ? "partner" : "leader",
					"volunteer.project.error.partner-leader"));
		}
		if (kind == ProjectKind.CAMPAIGN) {
			try {
				MonthDay.of(in.month() == null ? 0 : in.month(), in.day() == null ? 0 : in.day());
			}
			catch (DateTimeException ex) {
				problems.add(new InvalidValueException.Problem("month", "volunteer.project.error.day"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		boolean campaign = kind == ProjectKind.CAMPAIGN;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into volunteer_project (kind, name, description, partner, leader, campaign_month, campaign_day,
					  created_by, created_at)
					values (:kind, :name, :description, :partner, :leader, :month, :day, :by, :now)""")
				.param("kind", kind.name()).param("name", name).param("description", description)
				.param("partner", partner).param("leader", leader).param("month", campaign ? in.month() : null)
				.param("day", campaign ? in.day() : null).param("by", access.user().accountId())
				.param("now", OffsetDateTime.now(clock)).update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("volunteer.project.error.exists", name);
		}
		long id = keys.getKey().longValue();
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("volunteer.audit.project", Texts.chinese(Text.label(kind)), name));
		return id;
	}
}
