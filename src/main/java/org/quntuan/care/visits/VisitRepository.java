package org.quntuan.care.visits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Visit plans, their standards, recipients and visits: all the SQL of the feature. */
@Repository
class VisitRepository {

	record PlanRow(long id, String title, LocalDate startsOn, LocalDate endsOn, long bookOrgId, String bookOrgName,
			String bookOrgPath, long areaOrgId, String areaOrgName, String areaOrgPath, BigDecimal budget, String note,
			String creatorName, OffsetDateTime createdAt, int version) {
	}

	record StandardRow(RecipientKind kind, VisitForm form, BigDecimal amount, String goods) {
	}

	/** A person as adding them needs: their organ and whether they are still on the roll. */
	record PersonRow(long id, String name, long organId, String organName, String organPath, boolean active) {
	}

	record RecipientRow(long id, long planId, long personId, String name, RecipientKind kind, long organId,
			String organName, String organPath, BigDecimal plannedAmount, String note, String addedByName) {
	}

	record VisitRow(long id, long planId, long recipientId, LocalDate visitedOn, String visitors, VisitForm form,
			BigDecimal amount, String goods, String note, Long photoFileId, Long txnId, String recordedByName,
			OffsetDateTime recordedAt) {
	}

	record BoardRow(long organId, String organName, long planned, long visited, BigDecimal plannedAmount,
			BigDecimal cash, BigDecimal goods) {
	}

	private static final String PLAN = """
			select v.*, b.name as book_name, b.path as book_path, a.name as area_name, a.path as area_path
			from care_visit_plan v join org b on b.id = v.book_org_id join org a on a.id = v.area_org_id""";

	private static final String RECIPIENT = """
			select r.*, p.name as person_name, o.name as organ_name, o.path as organ_path
			from care_visit_recipient r join person p on p.id = r.person_id join org o on o.id = r.organ_id""";

	private final JdbcClient jdbc;

	private final boolean postgres;

	VisitRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	long insertPlan(String title, LocalDate startsOn, LocalDate endsOn, long bookOrgId, long areaOrgId,
			BigDecimal budget, String note, long accountId, String creatorName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_visit_plan (title, starts_on, ends_on, book_org_id, area_org_id, budget, note,
				  creator_account_id, creator_name, created_at)
				values (:title, :startsOn, :endsOn, :book, :area, :budget, :note, :account, :creator, :now)""")
			.param("title", title).param("startsOn", startsOn).param("endsOn", endsOn).param("book", bookOrgId)
			.param("area", areaOrgId).param("budget", budget).param("note", note, Types.VARCHAR)
			.param("account", accountId).param("creator", creatorName).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertStandard(long planId, RecipientKind kind, VisitForm form, BigDecimal amount, String goods) {
		jdbc.sql("insert into care_visit_standard (plan_id, kind, form, amount, goods) values (:p, :k, :f, :a, :g)")
			.param("p", planId).param("k", kind.name()).param("f", form.name()).param("a", amount)
			.param("g", goods, Types.VARCHAR).update();
	}

	Optional<PlanRow> plan(long id) {
		return jdbc.sql(PLAN + " where v.id = :id").param("id", id).query(VisitRepository::mapPlan).optional();
	}

	/** The plan, locked until the end of the transaction: additions and visits of one plan queue here. */
	Optional<PlanRow> lockPlan(long id) {
		jdbc.sql("select id from care_visit_plan where id = :id for " + (postgres ? "no key update" : "update"))
			.param("id", id).query(Long.class).optional();
		return plan(id);
	}

	boolean updateBudget(long id, int version, BigDecimal budget) {
		return jdbc.sql("update care_visit_plan set budget = :b, version = version + 1 where id = :id and version = :v")
			.param("b", budget).param("id", id).param("v", version).update() == 1;
	}

	/** The plans whose condition over {@code v} (the plan), {@code b} (its book) and {@code a} (its area) holds. */
	PageResult<VisitViews.PlanSummary> plans(SqlCondition visible, PageRequest page) {
		return SqlPages.page(jdbc, """
				v.id, v.title, v.starts_on, v.ends_on, b.name as book_name, v.budget,
				  (select count(*) from care_visit_recipient r where r.plan_id = v.id) as recipients,
				  (select count(*) from care_visit x where x.plan_id = v.id) as visited""",
				"from care_visit_plan v join org b on b.id = v.book_org_id join org a on a.id = v.area_org_id where "
						+ visible.sql(),
				"v.starts_on desc, v.id desc", visible.params(), page,
				(rs, i) -> new VisitViews.PlanSummary(rs.getLong("id"), rs.getString("title"),
						rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
						rs.getString("book_name"), rs.getBigDecimal("budget"), rs.getLong("recipients"),
						rs.getLong("visited")));
	}

	List<StandardRow> standards(long planId) {
		return jdbc.sql("select * from care_visit_standard where plan_id = :p order by kind").param("p", planId)
			.query((rs, i) -> new StandardRow(RecipientKind.valueOf(rs.getString("kind")),
					VisitForm.valueOf(rs.getString("form")), rs.getBigDecimal("amount"), rs.getString("goods")))
			.list()
			.stream().sorted((x, y) -> x.kind().compareTo(y.kind())).toList();
	}

	/** What the plan's list reserves (the standards of its recipients) and what its visits spent. */
	BigDecimal planned(long planId) {
		return jdbc.sql("select coalesce(sum(planned_amount), 0) from care_visit_recipient where plan_id = :p")
			.param("p", planId).query(BigDecimal.class).single();
	}

	BigDecimal spent(long planId) {
		return jdbc.sql("select coalesce(sum(amount), 0) from care_visit where plan_id = :p").param("p", planId)
			.query(BigDecimal.class).single();
	}

	Optional<PersonRow> person(long personId) {
		return jdbc.sql("""
				select p.id, p.name, p.organ_id, o.name as organ_name, o.path as organ_path, p.active
				from person p join org o on o.id = p.organ_id where p.id = :id""")
			.param("id", personId)
			.query((rs, i) -> new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
					rs.getString("organ_name"), rs.getString("organ_path"), rs.getBoolean("active")))
			.optional();
	}

	/** The people of the ids, those in the organs under the path (the plan's area). */
	List<PersonRow> peopleUnder(List<Long> ids, String areaPath) {
		List<PersonRow> rows = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += 500) {
			rows.addAll(jdbc.sql("""
					select p.id, p.name, p.organ_id, o.name as organ_name, o.path as organ_path, p.active
					from person p join org o on o.id = p.organ_id where p.id in (:ids) and o.path like :area
					order by o.path, p.id""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 500))).param("area", areaPath + "%")
				.query((rs, n) -> new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
						rs.getString("organ_name"), rs.getString("organ_path"), rs.getBoolean("active")))
				.list());
		}
		return rows;
	}

	/** The people on the plan's list. */
	Set<Long> listedPeople(long planId) {
		return new HashSet<>(jdbc.sql("select person_id from care_visit_recipient where plan_id = :p").param("p", planId)
			.query(Long.class).list());
	}

	/** Whether the person is among those the condition over {@code person p} admits. */
	boolean personMatches(long personId, SqlCondition people) {
		return jdbc.sql("select count(*) from person p where p.id = :visitPerson and " + people.sql())
			.params(people.paramsWith("visitPerson", personId)).query(Long.class).single() > 0;
	}

	long insertRecipient(long planId, PersonRow person, RecipientKind kind, BigDecimal planned, String note,
			long accountId, String name, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_visit_recipient (plan_id, person_id, kind, organ_id, planned_amount, note,
				  added_by_account_id, added_by_name, added_at)
				values (:plan, :person, :kind, :organ, :planned, :note, :account, :name, :now)""")
			.param("plan", planId).param("person", person.id()).param("kind", kind.name())
			.param("organ", person.organId()).param("planned", planned).param("note", note, Types.VARCHAR)
			.param("account", accountId).param("name", name).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<RecipientRow> recipient(long id) {
		return jdbc.sql(RECIPIENT + " where r.id = :id").param("id", id).query(VisitRepository::mapRecipient).optional();
	}

	Optional<RecipientRow> recipientOf(long planId, long personId) {
		return jdbc.sql(RECIPIENT + " where r.plan_id = :plan and r.person_id = :person").param("plan", planId)
			.param("person", personId).query(VisitRepository::mapRecipient).optional();
	}

	void deleteRecipient(long id) {
		jdbc.sql("delete from care_visit_recipient where id = :id").param("id", id).update();
	}

	/**
	 * The plan's recipients with their visits, those the condition over {@code person p} admits.
	 *
	 * @param organId only this organ's, or all
	 * @param visited only the visited (true), only those not yet (false), or all
	 */
	PageResult<VisitViews.Recipient> recipients(long planId, SqlCondition people, Long organId, Boolean visited,
			PageRequest page) {
		StringBuilder where = new StringBuilder(" where r.plan_id = :visitPlan and ").append(people.sql());
		Map<String, Object> params = new HashMap<>(people.paramsWith("visitPlan", planId));
		if (organId != null) {
			where.append(" and r.organ_id = :visitOrgan");
			params.put("visitOrgan", organId);
		}
		if (visited != null) {
			where.append(visited ? " and x.id is not null" : " and x.id is null");
		}
		return SqlPages.page(jdbc, """
				r.*, p.name as person_name, o.name as organ_name, o.path as organ_path, x.id as visit_id,
				  x.visited_on, x.visitors, x.form, x.amount, x.goods, x.note as visit_note, x.photo_file_id, x.txn_id,
				  x.recorded_by_name, x.recorded_at""",
				"""
				from care_visit_recipient r join person p on p.id = r.person_id join org o on o.id = r.organ_id
				  left join care_visit x on x.recipient_id = r.id""" + where,
				"o.path, r.kind, r.id", params, page, (rs, i) -> {
					RecipientRow r = mapRecipient(rs, i);
					VisitViews.Visit visit = null;
					if (rs.getObject("visit_id") != null) {
						visit = VisitQueries.view(new VisitRow(rs.getLong("visit_id"), r.planId(), r.id(),
								rs.getObject("visited_on", LocalDate.class), rs.getString("visitors"),
								VisitForm.valueOf(rs.getString("form")), rs.getBigDecimal("amount"), rs.getString("goods"),
								rs.getString("visit_note"), rs.getObject("photo_file_id", Long.class),
								rs.getObject("txn_id", Long.class), rs.getString("recorded_by_name"),
								rs.getObject("recorded_at", OffsetDateTime.class)));
					}
					return VisitQueries.view(r, visit);
				});
	}

	Optional<VisitRow> visit(long id) {
		return jdbc.sql("select * from care_visit where id = :id").param("id", id).query(VisitRepository::mapVisit)
			.optional();
	}

	Optional<VisitRow> visitOf(long recipientId) {
		return jdbc.sql("select * from care_visit where recipient_id = :r").param("r", recipientId)
			.query(VisitRepository::mapVisit).optional();
	}

	long insertVisit(long planId, long recipientId, LocalDate visitedOn, String visitors, VisitForm form,
			BigDecimal amount, String goods, String note, Long txnId, long accountId, String name, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_visit (plan_id, recipient_id, visited_on, visitors, form, amount, goods, note, txn_id,
				  recorded_by_account_id, recorded_by_name, recorded_at)
				values (:plan, :recipient, :on, :visitors, :form, :amount, :goods, :note, :txn, :account, :name, :now)""")
			.param("plan", planId).param("recipient", recipientId).param("on", visitedOn).param("visitors", visitors)
			.param("form", form.name()).param("amount", amount).param("goods", goods, Types.VARCHAR)
			.param("note", note, Types.VARCHAR).param("txn", txnId, Types.BIGINT).param("account", accountId)
			.param("name", name).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Sets the photo once; false when the visit has one already. */
	boolean setPhoto(long visitId, long fileId) {
		return jdbc.sql("update care_visit set photo_file_id = :f where id = :id and photo_file_id is null")
			.param("f", fileId).param("id", visitId).update() == 1;
	}

	/** Per organ of the recipients the condition over {@code person p} admits: planned, visited and the money. */
	List<BoardRow> board(long planId, SqlCondition people) {
		return jdbc.sql("""
				select r.organ_id, o.name, o.path, count(r.id) as planned, count(x.id) as visited,
				  coalesce(sum(r.planned_amount), 0) as planned_amount,
				  coalesce(sum(case when x.form = 'CASH' then x.amount end), 0) as cash,
				  coalesce(sum(case when x.form = 'GOODS' then x.amount end), 0) as goods
				from care_visit_recipient r join person p on p.id = r.person_id join org o on o.id = r.organ_id
				  left join care_visit x on x.recipient_id = r.id
				where r.plan_id = :visitPlan and """ + people.sql()
				+ " group by r.organ_id, o.name, o.path order by o.path")
			.params(people.paramsWith("visitPlan", planId))
			.query((rs, i) -> new BoardRow(rs.getLong("organ_id"), rs.getString("name"), rs.getLong("planned"),
					rs.getLong("visited"), rs.getBigDecimal("planned_amount"), rs.getBigDecimal("cash"),
					rs.getBigDecimal("goods")))
			.list();
	}

	private static PlanRow mapPlan(ResultSet rs, int i) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getString("title"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getLong("book_org_id"), rs.getString("book_name"),
				rs.getString("book_path"), rs.getLong("area_org_id"), rs.getString("area_name"), rs.getString("area_path"),
				rs.getBigDecimal("budget"), rs.getString("note"), rs.getString("creator_name"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private static RecipientRow mapRecipient(ResultSet rs, int i) throws SQLException {
		return new RecipientRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("person_id"),
				rs.getString("person_name"), RecipientKind.valueOf(rs.getString("kind")), rs.getLong("organ_id"),
				rs.getString("organ_name"), rs.getString("organ_path"), rs.getBigDecimal("planned_amount"),
				rs.getString("note"), rs.getString("added_by_name"));
	}

	private static VisitRow mapVisit(ResultSet rs, int i) throws SQLException {
		return new VisitRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("recipient_id"),
				rs.getObject("visited_on", LocalDate.class), rs.getString("visitors"),
				VisitForm.valueOf(rs.getString("form")), rs.getBigDecimal("amount"), rs.getString("goods"),
				rs.getString("note"), rs.getObject("photo_file_id", Long.class), rs.getObject("txn_id", Long.class),
				rs.getString("recorded_by_name"), rs.getObject("recorded_at", OffsetDateTime.class));
	}
}
