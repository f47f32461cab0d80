package org.quntuan.care.mutualaid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the mutual-aid plans: plans, targets, enrolments and payments. */
@Repository
class MutualAidRepository {

	record PlanRow(long id, int year, String title, LocalDate startsOn, LocalDate endsOn, BigDecimal pricePerPerson,
			LocalDate enrolOpensOn, LocalDate enrolClosesOn, int target, int remindBelowPercent, OffsetDateTime createdAt,
			int version) {
	}

	/** An organ of the tree with its union members (active, 会员) and its union, if it has one. */
	record Organ(long id, String name, String path, long unionMembers, Long unionId) {
	}

	/** One organ of a plan's board. */
	record BoardRow(long organId, String organName, String organPath, Long groupId, String groupName, int target,
			long enrolled, long unionMembers, int paidCount) {
	}

	/** A person named in an enrolment, with what the rules need to know. */
	record Candidate(long id, String name, String idNumber, long organId, String organName, boolean active,
			boolean inService, boolean reachable) {
	}

	/** A person of the enrolment list. */
	record Enrolable(long id, String name, String idNumber, String organName, boolean enrolled, boolean left) {
	}

	record TargetRow(long organId, String organName, int target, int paidCount) {
	}

	record PaymentRow(long id, long organId, String organName, int persons, BigDecimal amount, LocalDate paidOn,
			long txnId, OffsetDateTime recordedAt) {
	}

	private static final String PLAN_COLUMNS = """
			id, plan_year, title, starts_on, ends_on, price_per_person, enrol_opens_on, enrol_closes_on, target,
			remind_below_percent, created_at, version""";

	private final JdbcClient jdbc;

	MutualAidRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static PlanRow plan(ResultSet rs) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getBigDecimal("price_per_person"), rs.getObject("enrol_opens_on", LocalDate.class),
				rs.getObject("enrol_closes_on", LocalDate.class), rs.getInt("target"), rs.getInt("remind_below_percent"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	List<PlanRow> plans() {
		return jdbc.sql("select " + PLAN_COLUMNS + " from care_mutualaid_plan order by plan_year desc, id desc")
			.query((rs, i) -> plan(rs)).list();
	}

	Optional<PlanRow> find(long id) {
		return jdbc.sql("select " + PLAN_COLUMNS + " from care_mutualaid_plan where id = :id").param("id", id)
			.query((rs, i) -> plan(rs)).optional();
	}

	Optional<PlanRow> lock(long id) {
		return jdbc.sql("select " + PLAN_COLUMNS + " from care_mutualaid_plan where id = :id for update").param("id", id)
			.query((rs, i) -> plan(rs)).optional();
	}

	boolean yearTaken(int year) {
		return jdbc.sql("select count(*) from care_mutualaid_plan where plan_year = :y").param("y", year)
			.query(Long.class).single() > 0;
	}

	/** Plans whose enrolment window is open on the day and closes within the days given. */
	List<PlanRow> closingWithin(LocalDate today, LocalDate until) {
		return jdbc.sql("select " + PLAN_COLUMNS + """
				 from care_mutualaid_plan
				where enrol_opens_on <= :today and enrol_closes_on >= :today and enrol_closes_on <= :until
				order by id""")
			.param("today", today).param("until", until).query((rs, i) -> plan(rs)).list();
	}

	long insertPlan(PlanRow p, Long accountId) {
		jdbc.sql("""
				insert into care_mutualaid_plan (plan_year, title, starts_on, ends_on, price_per_person, enrol_opens_on,
				  enrol_closes_on, target, remind_below_percent, created_by_account_id, created_at)
				values (:year, :title, :starts, :ends, :price, :opens, :closes, :target, :remind, :account, :now)""")
			.param("year", p.year()).param("title", p.title()).param("starts", p.startsOn()).param("ends", p.endsOn())
			.param("price", p.pricePerPerson()).param("opens", p.enrolOpensOn()).param("closes", p.enrolClosesOn())
			.param("target", p.target()).param("remind", p.remindBelowPercent()).param("account", accountId)
			.param("now", p.createdAt()).update();
		return jdbc.sql("select id from care_mutualaid_plan where plan_year = :y").param("y", p.year())
			.query(Long.class).single();
	}

	/** Moves the plan's version on; false when it was changed meanwhile. */
	boolean touch(long id, int version) {
		return jdbc.sql("update care_mutualaid_plan set version = version + 1 where id = :id and version = :v")
			.param("id", id).param("v", version).update() == 1;
	}

	/** Every active organ with its active union members and its active union. */
	List<Organ> organs() {
		return jdbc.sql("""
				select o.id, o.name, o.path, coalesce(m.n, 0) as members,
				  (select min(u.id) from org u where u.parent_id = o.id and u.type = 'UNION' and u.active = true) as union_id
				from org o
				left join (select organ_id, count(*) as n from person
				           where active = true and union_status = 'MEMBER' group by organ_id) m on m.organ_id = o.id
				where o.type = 'ORGAN' and o.active = true
				order by o.path""")
			.query((rs, i) -> new Organ(rs.getLong("id"), rs.getString("name"), rs.getString("path"), rs.getLong("members"),
					rs.getObject("union_id", Long.class)))
			.list();
	}

	Optional<Organ> organ(long organId) {
		return jdbc.sql("""
				select o.id, o.name, o.path, 0 as members,
				  (select min(u.id) from org u where u.parent_id = o.id and u.type = 'UNION' and u.active = true) as union_id
				from org o where o.id = :id and o.type = 'ORGAN'""")
			.param("id", organId)
			.query((rs, i) -> new Organ(rs.getLong("id"), rs.getString("name"), rs.getString("path"), 0,
					rs.getObject("union_id", Long.class)))
			.optional();
	}

	void insertTargets(long planId, Map<Long, Integer> targets) {
		targets.forEach((organ, target) -> jdbc.sql(
				"insert into care_mutualaid_target (plan_id, organ_id, target) values (:p, :o, :t)")
			.param("p", planId).param("o", organ).param("t", target).update());
	}

	List<TargetRow> targets(long planId) {
		return jdbc.sql("""
				select t.organ_id, o.name, t.target, t.paid_count from care_mutualaid_target t join org o on o.id = t.organ_id
				where t.plan_id = :p order by o.path""")
			.param("p", planId)
			.query((rs, i) -> new TargetRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
	}

	void updateTarget(long planId, long organId, int target) {
		jdbc.sql("update care_mutualaid_target set target = :t where plan_id = :p and organ_id = :o")
			.param("t", target).param("p", planId).param("o", organId).update();
	}

	/**
	 * The board: every organ of the plan the condition on {@code o} lets through, with its target, its
	 * enrolments (counted from the (plan, organ) index) and its group. One query; the union members come
	 * from {@link UnionMemberCounts}.
	 */
	List<BoardRow> board(long planId, SqlCondition organs, Map<Long, Long> unionMembers) {
		return jdbc.sql("""
				select o.id, o.name, o.path, g.id as group_id, g.name as group_name, t.target, t.paid_count,
				  coalesce(e.n, 0) as enrolled
				from care_mutualaid_target t
				join org o on o.id = t.organ_id
				left join org g on g.id = o.parent_id and g.type = 'GROUP'
				left join (select organ_id, count(*) as n from care_mutualaid_enrolment where plan_id = :plan
				           group by organ_id) e on e.organ_id = t.organ_id
				where t.plan_id = :plan and """ + organs.sql() + " order by o.path")
			.params(organs.paramsWith("plan", planId))
			.query((rs, i) -> new BoardRow(rs.getLong("id"), rs.getString("name"), rs.getString("path"),
					rs.getObject("group_id", Long.class), rs.getString("group_name"), rs.getInt("target"),
					rs.getLong("enrolled"), unionMembers.getOrDefault(rs.getLong("id"), 0L), rs.getInt("paid_count")))
			.list();
	}

	/** The city's figures: target and enrolments of the whole plan. */
	long enrolled(long planId) {
		return jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", planId)
			.query(Long.class).single();
	}

	long enrolledInOrgan(long planId, long organId) {
		return jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p and organ_id = :o")
			.param("p", planId).param("o", organId).query(Long.class).single();
	}

	/** The people named, with whether the caller reaches them (the condition is over {@code p}). */
	List<Candidate> candidates(Collection<Long> personIds, SqlCondition reach) {
		return jdbc.sql("""
				select p.id, p.name, p.id_number, p.organ_id, o.name as organ_name, p.active, p.employment_status,
				  case when """ + reach.sql() + """
				 then 1 else 0 end as reachable
				from person p join org o on o.id = p.organ_id
				where p.id in (:ids)""")
			.params(reach.paramsWith("ids", personIds))
			.query((rs, i) -> new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
					rs.getLong("organ_id"), rs.getString("organ_name"), rs.getBoolean("active"),
					"IN_SERVICE".equals(rs.getString("employment_status")), rs.getInt("reachable") == 1))
			.list();
	}

	/** The people with these ID numbers, as {@link #candidates}. */
	List<Candidate> candidatesByIdNumber(Collection<String> idNumbers, SqlCondition reach) {
		List<Long> ids = jdbc.sql("select id from person where id_number in (:n)").param("n", idNumbers)
			.query(Long.class).list();
		return ids.isEmpty() ? List.of() : candidates(ids, reach);
	}

	/** Locks the plan's target rows of these organs, in organ order (so two requests never wait on each other in a circle). */
	List<Long> lockTargets(long planId, Collection<Long> organIds) {
		return jdbc.sql("""
				select organ_id from care_mutualaid_target where plan_id = :p and organ_id in (:o)
				order by organ_id for update""")
			.param("p", planId).param("o", organIds).query(Long.class).list();
	}

	List<Long> enrolledAmong(long planId, Collection<Long> personIds) {
		return jdbc.sql("select person_id from care_mutualaid_enrolment where plan_id = :p and person_id in (:ids)")
			.param("p", planId).param("ids", personIds).query(Long.class).list();
	}

	/** Enrols those of the people not enrolled yet, each in their current organ; the number enrolled. */
	int enrol(long planId, Collection<Long> personIds, String source, Long accountId, OffsetDateTime now) {
		return jdbc.sql("""
				insert into care_mutualaid_enrolment (plan_id, person_id, organ_id, source, enrolled_by_account_id, enrolled_at)
				select :plan, p.id, p.organ_id, :source, :account, :now from person p
				where p.id in (:ids)
				  and not exists (select 1 from care_mutualaid_enrolment e where e.plan_id = :plan and e.person_id = p.id)""")
			.param("plan", planId).param("source", source).param("account", accountId).param("now", now)
			.param("ids", personIds).update();
	}

	/**
	 * The people the caller reaches (condition over {@code p}), active and in service, with their enrolment;
	 * asked for the enrolled only, also those who left since (no longer active or in service), flagged.
	 */
	PageResult<Enrolable> enrolable(long planId, SqlCondition reach, String q, Long organId, Boolean enrolled,
			PageRequest page) {
		StringBuilder from = new StringBuilder("""
				from person p join org o on o.id = p.organ_id
				left join care_mutualaid_enrolment e on e.plan_id = :plan and e.person_id = p.id
				where""").append(Boolean.TRUE.equals(enrolled) ? " " : " p.active = true and p.employment_status = 'IN_SERVICE' and ")
			.append(reach.sql());
		Map<String, Object> params = new HashMap<>(reach.paramsWith("plan", planId));
		if (q != null) {
			from.append(" and (p.name like :q or p.name_pinyin like :qp or p.name_initials like :qp)");
			params.put("q", SqlCondition.likePrefix(q));
			params.put("qp", SqlCondition.likePrefix(q.toLowerCase(Locale.ROOT)));
		}
		if (organId != null) {
			from.append(" and p.organ_id = :organ");
			params.put("organ", organId);
		}
		if (enrolled != null) {
			from.append(enrolled ? " and e.id is not null" : " and e.id is null");
		}
		return SqlPages.page(jdbc, "p.id, p.name, p.id_number, o.name as organ_name, e.id as enrolment_id,"
				+ " case when p.active = true and p.employment_status = 'IN_SERVICE' then 0 else 1 end as has_left",
				from.toString(), "o.path, p.name_pinyin, p.id", params, page,
				(rs, i) -> new Enrolable(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
						rs.getString("organ_name"), rs.getObject("enrolment_id") != null, rs.getInt("has_left") == 1));
	}

	record EnrolmentRow(long personId, String personName, long organId, String organName, String organPath,
			OffsetDateTime enrolledAt) {
	}

	Optional<EnrolmentRow> enrolment(long planId, long personId) {
		return jdbc.sql("""
				select e.person_id, p.name, e.organ_id, o.name, o.path, e.enrolled_at
				from care_mutualaid_enrolment e join person p on p.id = e.person_id join org o on o.id = e.organ_id
				where e.plan_id = :plan and e.person_id = :person""")
			.param("plan", planId).param("person", personId)
			.query((rs, i) -> new EnrolmentRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.optional();
	}

	/** Whether the organ is among those of the condition (over {@code o}). */
	boolean organAmong(long organId, SqlCondition organs) {
		return jdbc.sql("select count(*) from org o where o.id = :organ and " + organs.sql())
			.params(organs.paramsWith("organ", organId)).query(Long.class).single() > 0;
	}

	/** Takes the person off the plan, keeping the enrolment and why it ended in the withdrawals. */
	void withdraw(long planId, EnrolmentRow e, String reason, Long accountId, OffsetDateTime now) {
		jdbc.sql("""
				insert into care_mutualaid_withdrawal (plan_id, person_id, organ_id, enrolled_at, reason,
				  withdrawn_by_account_id, withdrawn_at)
				values (:plan, :person, :organ, :enrolled, :reason, :account, :now)""")
			.param("plan", planId).param("person", e.personId()).param("organ", e.organId())
			.param("enrolled", e.enrolledAt()).param("reason", reason).param("account", accountId).param("now", now)
			.update();
		jdbc.sql("delete from care_mutualaid_enrolment where plan_id = :plan and person_id = :person")
			.param("plan", planId).param("person", e.personId()).update();
	}

	/** Locks the organ's target row and answers its enrolments and those paid for. */
	Optional<int[]> lockForPayment(long planId, long organId) {
		return jdbc.sql("select paid_count from care_mutualaid_target where plan_id = :p and organ_id = :o for update")
			.param("p", planId).param("o", organId).query(Integer.class).optional()
			.map(paid -> new int[] { (int) enrolledInOrgan(planId, organId), paid });
	}

	long insertPayment(long planId, long organId, long unionId, int persons, BigDecimal amount, LocalDate paidOn,
			Long accountId, OffsetDateTime now) {
		jdbc.sql("""
				insert into care_mutualaid_payment (plan_id, organ_id, union_org_id, persons, amount, paid_on, txn_id,
				  recorded_by_account_id, recorded_at)
				values (:p, :o, :u, :n, :a, :d, 0, :account, :now)""")
			.param("p", planId).param("o", organId).param("u", unionId).param("n", persons).param("a", amount)
			.param("d", paidOn).param("account", accountId).param("now", now).update();
		return jdbc.sql("select max(id) from care_mutualaid_payment where plan_id = :p and organ_id = :o")
			.param("p", planId).param("o", organId).query(Long.class).single();
	}

	void paymentPosted(long paymentId, long txnId, long planId, long organId, int paidCount) {
		jdbc.sql("update care_mutualaid_payment set txn_id = :t where id = :id").param("t", txnId).param("id", paymentId)
			.update();
		jdbc.sql("update care_mutualaid_target set paid_count = :n where plan_id = :p and organ_id = :o")
			.param("n", paidCount).param("p", planId).param("o", organId).update();
	}

	List<PaymentRow> payments(long planId, SqlCondition organs) {
		return jdbc.sql("""
				select y.id, y.organ_id, o.name, y.persons, y.amount, y.paid_on, y.txn_id, y.recorded_at
				from care_mutualaid_payment y join org o on o.id = y.organ_id
				where y.plan_id = :plan and """ + organs.sql() + " order by y.id desc")
			.params(organs.paramsWith("plan", planId))
			.query((rs, i) -> new PaymentRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getLong(7),
					rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

	String orgPath(long orgId) {
		return jdbc.sql("select path from org where id = :id").param("id", orgId).query(String.class).single();
	}

	String rootPath() {
		return jdbc.sql("select path from org where parent_id is null order by id fetch first 1 rows only")
			.query(String.class).single();
	}

	/** The union and the organ of each organ id, for the reminders. */
	Map<Long, Long> unionsOf(Collection<Long> organIds) {
		Map<Long, Long> unions = new HashMap<>();
		if (organIds.isEmpty()) {
			return unions;
		}
		jdbc.sql("select parent_id, min(id) from org where type = 'UNION' and active = true and parent_id in (:o) group by parent_id")
			.param("o", organIds).query((rs, i) -> unions.put(rs.getLong(1), rs.getLong(2))).list();
		return unions;
	}
}
