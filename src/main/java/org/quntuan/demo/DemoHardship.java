package org.quntuan.demo;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Journal;
import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hardship register and its subsidies in every state: in 市财政局 a paid subsidy (posted to its union's
 * journal), a rejected and a withdrawn one; in the first organ of the third 片组 one waiting for its union's
 * review, one waiting for the work committee, one returned for changes, and an entry past its review date.
 */
@Component
@Profile("demo")
@Order(80)
class DemoHardship implements ApplicationRunner {

	private record Person(long id, long accountId, String name) {
	}

	private record Union(long id, String path, String name) {
	}

	private final JdbcClient jdbc;

	private final Journal journal;

	private final Categories categories;

	private final Clock clock;

	private final TransactionTemplate tx;

	private OffsetDateTime now;

	private LocalDate today;

	DemoHardship(JdbcClient jdbc, Journal journal, Categories categories, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.journal = journal;
		this.categories = categories;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_hardship_case").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username in ('admin', 'group3')").query(Long.class).single() < 2) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		long admin = account("admin");
		long group3 = account("group3");
		long orgadmin1 = account("orgadmin1");
		long finance = jdbc.sql("select id from org where name = '市财政局'").query(Long.class).single();
		long third = jdbc.sql("""
				select o.id from org o join org g on g.id = o.parent_id
				where o.type = 'ORGAN' and g.type = 'GROUP' and g.id = (
				  select id from org where type = 'GROUP' order by path offset 2 rows fetch next 1 rows only)
				order by o.path fetch first 1 rows only""").query(Long.class).single();
		Union financeUnion = union(finance);
		Union thirdUnion = union(third);
		List<Person> a = people(finance, 3);
		List<Person> b = people(third, 4);

		// 市财政局: paid, rejected, withdrawn
		long c1 = kase(a.get(0), financeUnion, "ILLNESS", 4, "860.00", "SEVERE", today.plusMonths(10),
				"配偶患尿毒症长期透析，子女在读");
		long s1 = subsidy(c1, a.get(0), financeUnion, "3000.00", "配偶透析费用负担重，申请年度困难补助。", "APPROVED");
		// paid a few days ago, but in this year: last year's books are closed (DemoFinance)
		LocalDate paidOn = today.minusDays(3).getYear() == today.getYear() ? today.minusDays(3) : today.withDayOfYear(1);
		long txn = journal.post(Journal.simple(financeUnion.id(), paidOn, categories.find("RIGHTS").orElseThrow(),
				new BigDecimal("3000.00"), a.get(0).name(), "困难会员补助（申请 " + s1 + "）：" + a.get(0).name(),
				"CARE_SUBSIDY", s1, "PAY", admin)).txnId();
		jdbc.sql("update care_hardship_subsidy set status = 'APPROVED', txn_id = :t, paid_year = :y, paid_at = :at where id = :id")
			.param("t", txn).param("y", today.getYear()).param("at", now.minusDays(ChronoUnit.DAYS.between(paidOn, today))).param("id", s1).update();
		approval(s1, a.get(0), financeUnion, "3000.00", "APPROVED", 2, orgadmin1, admin, null);
		long c2 = kase(a.get(1), financeUnion, "SCHOOLING,SINGLE_PARENT", 2, "1450.00", "GENERAL", today.plusMonths(7),
				"单亲家庭，孩子读高中");
		long s2 = subsidy(c2, a.get(1), financeUnion, "2000.00", "孩子学费和住宿费。", "REJECTED");
		approval(s2, a.get(1), financeUnion, "2000.00", "REJECTED", 1, orgadmin1, null, "本年度已享受教育助学金，不重复补助");
		long c3 = kase(a.get(2), financeUnion, "DISASTER", 3, "1200.00", "GENERAL", today.plusMonths(11), "住房受台风损坏");
		long s3 = subsidy(c3, a.get(2), financeUnion, "1500.00", "台风损坏房屋维修。", "WITHDRAWN");
		approval(s3, a.get(2), financeUnion, "1500.00", "WITHDRAWN", 1, null, null, "保险公司已理赔");

		// the third 片组's first organ: waiting for the union, waiting for the work committee, returned; one overdue
		long c4 = kase(b.get(0), thirdUnion, "DISABILITY", 3, "980.00", "SEVERE", today.plusMonths(9), "本人二级肢体残疾");
		long s4 = subsidy(c4, b.get(0), thirdUnion, "1800.00", "康复治疗和辅具费用。", "PENDING");
		approval(s4, b.get(0), thirdUnion, "1800.00", "IN_PROGRESS", 1, group3, null, null);
		long c5 = kase(b.get(1), thirdUnion, "ILLNESS,OTHER", 5, "700.00", "SEVERE", today.plusMonths(5), "父亲重病住院，家庭负债");
		long s5 = subsidy(c5, b.get(1), thirdUnion, "4000.00", "父亲住院自付费用较高。", "PENDING");
		approval(s5, b.get(1), thirdUnion, "4000.00", "IN_PROGRESS", 2, group3, admin, null);
		long c6 = kase(b.get(2), thirdUnion, "ILLNESS", 3, "1300.00", "GENERAL", today.plusMonths(8), "本人术后康复");
		long s6 = subsidy(c6, b.get(2), thirdUnion, "2500.00", "手术费用。", "RETURNED");
		approval(s6, b.get(2), thirdUnion, "2500.00", "RETURNED", 1, group3, null, "请补充医院费用清单");
		kase(b.get(3), thirdUnion, "OTHER", 2, "1600.00", "GENERAL", today.minusDays(20), "去年因失业登记，待复核");
	}

	private long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private Union union(long organ) {
		return jdbc.sql("select id, path, name from org where parent_id = :o and type = 'UNION' order by id fetch first 1 rows only")
			.param("o", organ).query((rs, i) -> new Union(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
	}

	/** Union members of the organ with an account, none of the named demo accounts. */
	private List<Person> people(long organ, int count) {
		return jdbc.sql("""
				select p.id, a.id, p.name from person p join account a on a.person_id = p.id
				where p.organ_id = :o and p.active = true and p.union_status = 'MEMBER' and a.username like '1%'
				order by p.id desc fetch first :n rows only""")
			.param("o", organ).param("n", count)
			.query((rs, i) -> new Person(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
	}

	private long kase(Person p, Union u, String causes, int household, String income, String level, LocalDate review,
			String note) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_hardship_case (person_id, org_id, org_path, causes, household_size, income_per_head,
				  level, review_date, note, created_by, created_at, updated_at, version)
				values (:p, :o, :path, :causes, :h, :i, :l, :r, :n, :by, :now, :now, 0)""")
			.param("p", p.id()).param("o", u.id()).param("path", u.path()).param("causes", causes).param("h", household)
			.param("i", new BigDecimal(income)).param("l", level).param("r", review).param("n", note)
			.param("by", account("admin")).param("now", now.minusMonths(2)).update(keys, "id");
		return keys.getKey().longValue();
	}

	private long subsidy(long caseId, Person p, Union u, String amount, String reason, String status) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_hardship_subsidy (case_id, person_id, org_id, org_path, amount, reason, status,
				  applicant_account_id, created_at, updated_at, version)
				values (:c, :p, :o, :path, :a, :r, :s, :acc, :at, :at, 0)""")
			.param("c", caseId).param("p", p.id()).param("o", u.id()).param("path", u.path())
			// a paid one is marked paid once its journal entry exists (the check constraint ties the two)
			.param("a", new BigDecimal(amount)).param("r", reason).param("s", status.equals("APPROVED") ? "PENDING" : status)
			.param("acc", p.accountId()).param("at", now.minusDays(10)).update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * The approval of a subsidy as the flow would have left it: {@code at} is the step it stands at (or ended
	 * on), {@code first} and {@code second} the accounts asked at each step.
	 */
	private void approval(long subsidyId, Person p, Union u, String amount, String status, int at, Long first,
			Long second, String comment) {
		String title = p.name() + "困难补助 " + amount + " 元";
		boolean decided = !status.equals("IN_PROGRESS");
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into approval (subject_type, subject_id, title, org_id, org_path, applicant_account_id,
				  applicant_name, status, current_step, created_at, updated_at, decided_at)
				values ('CARE_SUBSIDY', :s, :t, :o, :path, :acc, :name, :status, :step, :created, :now, :decided)""")
			.param("s", subsidyId).param("t", title).param("o", u.id()).param("path", u.path()).param("acc", p.accountId())
			.param("name", p.name()).param("status", status).param("step", at).param("created", now.minusDays(10))
			.param("now", now.minusDays(3)).param("decided", decided && !status.equals("RETURNED") ? now.minusDays(3) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.update(keys, "id");
		long approval = keys.getKey().longValue();
		jdbc.sql("update care_hardship_subsidy set approval_id = :a where id = :s").param("a", approval)
			.param("s", subsidyId).update();
		event(approval, null, "SUBMITTED", p.accountId(), p.name(), null, now.minusDays(10));
		String[][] steps = { { "单位工会审核", "ORG_ADMIN", "ORG_ITSELF" }, { "工委审批", "FEDERATION_ADMIN", "FEDERATION" } };
		for (int seq = 1; seq <= 2; seq++) {
			Long approver = seq == 1 ? first : second;
			String stepStatus;
			if (seq < at || status.equals("APPROVED")) {
				stepStatus = "APPROVED";
			}
			else if (seq > at) {
				stepStatus = "WAITING";
			}
			else {
				stepStatus = switch (status) {
					case "IN_PROGRESS" -> "ACTIVE";
					default -> status;
				};
			}
			if (status.equals("WITHDRAWN") && seq == at) {
				stepStatus = "CANCELLED";
			}
			boolean activated = !stepStatus.equals("WAITING");
			Object[] org = approver == null || !activated ? null : approverOrg(approver);
			GeneratedKeyHolder stepKeys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into approval_step (approval_id, seq, name, role, reach, all_required, due_days, status,
					  approver_org_id, approver_org_name, rounds, activated_at, due_at, decided_at)
					values (:a, :seq, :name, :role, :reach, false, 7, :status, :org, :orgName, :rounds, :act, :due, :dec)""")
				.param("a", approval).param("seq", seq).param("name", steps[seq - 1][0]).param("role", steps[seq - 1][1])
				.param("reach", steps[seq - 1][2]).param("status", stepStatus)
				.param("org", org == null ? null : org[0], Types.BIGINT)
				.param("orgName", org == null ? null : org[1], Types.VARCHAR)
				.param("rounds", activated ? 1 : 0)
				.param("act", activated ? now.minusDays(10 - seq) : null, Types.TIMESTAMP_WITH_TIMEZONE)
				.param("due", activated ? now.minusDays(10 - seq).plusDays(7) : null, Types.TIMESTAMP_WITH_TIMEZONE)
				.param("dec", activated && !stepStatus.equals("ACTIVE") ? now.minusDays(3) : null, Types.TIMESTAMP_WITH_TIMEZONE)
				.update(stepKeys, "id");
			long stepId = stepKeys.getKey().longValue();
			if (approver == null || !activated) {
				continue;
			}
			String decision = switch (stepStatus) {
				case "APPROVED" -> "APPROVE";
				case "REJECTED" -> "REJECT";
				case "RETURNED" -> "RETURN";
				default -> null;
			};
			String who = jdbc.sql("select display_name from account where id = :a").param("a", approver).query(String.class)
				.single();
			String said = decision == null || decision.equals("APPROVE") ? null : comment;
			jdbc.sql("""
					insert into approval_assignee (step_id, approval_id, account_id, round, open, decision, decider, comment,
					  decided_at, assigned_at, due_at)
					values (:step, :a, :acc, 1, :open, :d, :who, :c, :dec, :at, :due)""")
				.param("step", stepId).param("a", approval).param("acc", approver).param("open", stepStatus.equals("ACTIVE"))
				.param("d", decision, Types.VARCHAR).param("who", decision == null ? null : who, Types.VARCHAR)
				.param("c", said, Types.VARCHAR)
				.param("dec", decision == null ? null : now.minusDays(3), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("at", now.minusDays(10 - seq))
				.param("due", now.minusDays(10 - seq).plusDays(7)).update();
			if (decision != null) {
				event(approval, seq, decision, approver, who, said, now.minusDays(3));
			}
		}
		if (status.equals("WITHDRAWN")) {
			event(approval, at, "WITHDRAWN", p.accountId(), p.name(), comment, now.minusDays(3));
		}
	}

	private Object[] approverOrg(long account) {
		return jdbc.sql("""
				select o.id, o.name from role_binding b join org o on o.id = b.org_id
				where b.account_id = :a order by b.id fetch first 1 rows only""")
			.param("a", account).query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).optional()
			.orElse(new Object[] { null, null });
	}

	private void event(long approval, Integer seq, String action, long actor, String name, String comment,
			OffsetDateTime at) {
		jdbc.sql("""
				insert into approval_event (approval_id, step_seq, action, actor_account_id, actor_name, comment, at)
				values (:a, :seq, :action, :actor, :name, :c, :at)""")
			.param("a", approval).param("seq", seq, Types.INTEGER).param("action", action).param("actor", actor)
			.param("name", name).param("c", comment, Types.VARCHAR).param("at", at).update();
	}
}
