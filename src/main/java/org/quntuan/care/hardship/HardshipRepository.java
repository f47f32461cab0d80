package org.quntuan.care.hardship;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of the hardship register and its subsidies. Scopes are conditions over {@code person p}. */
@Repository
class HardshipRepository {

	record CaseRow(long id, long personId, String personName, String organName, long orgId, String orgPath,
			List<HardshipCause> causes, int householdSize, BigDecimal incomePerHead, HardshipLevel level,
			LocalDate reviewDate, String note, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
	}

	record CaseFields(List<HardshipCause> causes, int householdSize, BigDecimal incomePerHead, HardshipLevel level,
			LocalDate reviewDate, String note) {
	}

	record SubsidyRow(long id, long caseId, long personId, String personName, long orgId, String orgPath,
			BigDecimal amount, String reason, SubsidyStatus status, long applicantAccountId, Long approvalId,
			Long txnId, Integer paidYear, OffsetDateTime paidAt, OffsetDateTime createdAt, int version) {
	}

	/** The union that keeps a person's entry: the active 工会 of the person's organ. */
	record Union(long id, String path, String name) {
	}

	private static final String CASE_COLUMNS = """
			c.id, c.person_id, p.name as person_name, organ.name as organ_name, c.org_id, c.org_path, c.causes,
			c.household_size, c.income_per_head, c.level, c.review_date, c.note, c.created_at, c.updated_at, c.version""";

	private static final String CASE_FROM = """
			from care_hardship_case c join person p on p.id = c.person_id join org organ on organ.id = p.organ_id""";

	private static final String SUBSIDY_COLUMNS = """
			s.id, s.case_id, s.person_id, p.name as person_name, s.org_id, s.org_path, s.amount, s.reason, s.status,
			s.applicant_account_id, s.approval_id, s.txn_id, s.paid_year, s.paid_at, s.created_at, s.version""";

	private static final String SUBSIDY_FROM = "from care_hardship_subsidy s join person p on p.id = s.person_id";

	private final JdbcClient jdbc;

	HardshipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Union> unionOf(long personId) {
		return jdbc.sql("""
				select u.id, u.path, u.name from person p join org u on u.parent_id = p.organ_id
				where p.id = :p and p.active = true and u.type = 'UNION' and u.active = true
				order by u.id fetch first 1 rows only""")
			.param("p", personId).query((rs, i) -> new Union(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
	}

	boolean personIn(long personId, SqlCondition scope) {
		return jdbc.sql("select count(*) from person p where p.id = :personId and " + scope.sql())
			.params(scope.paramsWith("personId", personId)).query(Long.class).single() > 0;
	}

	Optional<String> personName(long personId) {
		return jdbc.sql("select name from person where id = :p").param("p", personId).query(String.class).optional();
	}

	// ---- cases

	long insertCase(long personId, Union union, CaseFields f, long createdBy, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_hardship_case (person_id, org_id, org_path, causes, household_size, income_per_head,
				  level, review_date, note, created_by, created_at, updated_at, version)
				values (:person, :org, :path, :causes, :household, :income, :level, :review, :note, :by, :now, :now, 0)""")
			.param("person", personId).param("org", union.id()).param("path", union.path())
			.param("causes", causesText(f.causes())).param("household", f.householdSize())
			.param("income", f.incomePerHead()).param("level", f.level().name()).param("review", f.reviewDate())
			.param("note", f.note()).param("by", createdBy).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The entry follows its person to the union of their organ now (after a transfer). */
	void moveCase(long id, Union union) {
		jdbc.sql("update care_hardship_case set org_id = :o, org_path = :path where id = :id and org_id <> :o")
			.param("o", union.id()).param("path", union.path()).param("id", id).update();
	}

	boolean updateCase(long id, int version, CaseFields f, OffsetDateTime now) {
		return jdbc.sql("""
				update care_hardship_case set causes = :causes, household_size = :household, income_per_head = :income,
				  level = :level, review_date = :review, note = :note, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.param("causes", causesText(f.causes())).param("household", f.householdSize())
			.param("income", f.incomePerHead()).param("level", f.level().name()).param("review", f.reviewDate())
			.param("note", f.note()).param("now", now).param("id", id).param("version", version).update() == 1;
	}

	Optional<CaseRow> findCase(long id) {
		return jdbc.sql("select " + CASE_COLUMNS + " " + CASE_FROM + " where c.id = :id").param("id", id)
			.query(HardshipRepository::caseRow).optional();
	}

	Optional<CaseRow> caseOf(long personId) {
		return jdbc.sql("select " + CASE_COLUMNS + " " + CASE_FROM + " where c.person_id = :p").param("p", personId)
			.query(HardshipRepository::caseRow).optional();
	}

	/** Takes the entry's row lock: every payout to its person queues behind it, so the caps hold. */
	Optional<CaseRow> lockCase(long id) {
		Optional<Long> locked = jdbc.sql("select id from care_hardship_case where id = :id for update").param("id", id)
			.query(Long.class).optional();
		return locked.flatMap(this::findCase);
	}

	PageResult<CaseRow> cases(SqlCondition scope, boolean overdueOnly, LocalDate today, PageRequest page) {
		String from = CASE_FROM + " where " + scope.sql() + (overdueOnly ? " and c.review_date < :today" : "");
		Map<String, Object> params = overdueOnly ? scope.paramsWith("today", today) : scope.params();
		return SqlPages.page(jdbc, CASE_COLUMNS, from, "c.review_date, c.id", params, page, HardshipRepository::caseRow);
	}

	// ---- subsidies

	long insertSubsidy(CaseRow c, BigDecimal amount, String reason, long applicant, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_hardship_subsidy (case_id, person_id, org_id, org_path, amount, reason, status,
				  applicant_account_id, created_at, updated_at, version)
				values (:case, :person, :org, :path, :amount, :reason, 'PENDING', :applicant, :now, :now, 0)""")
			.param("case", c.id()).param("person", c.personId()).param("org", c.orgId()).param("path", c.orgPath())
			.param("amount", amount).param("reason", reason).param("applicant", applicant).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setApproval(long id, long approvalId) {
		jdbc.sql("update care_hardship_subsidy set approval_id = :a where id = :id").param("a", approvalId)
			.param("id", id).update();
	}

	void setStatus(long id, SubsidyStatus status, OffsetDateTime now) {
		jdbc.sql("update care_hardship_subsidy set status = :s, updated_at = :now, version = version + 1 where id = :id")
			.param("s", status.name()).param("now", now).param("id", id).update();
	}

	/** A returned application changed and under way again (the caller holds its lock). */
	void resubmitted(long id, BigDecimal amount, String reason, OffsetDateTime now) {
		jdbc.sql("""
				update care_hardship_subsidy set amount = :amount, reason = :reason, status = 'PENDING', updated_at = :now,
				  version = version + 1
				where id = :id and status = 'RETURNED'""")
			.param("amount", amount).param("reason", reason).param("now", now).param("id", id).update();
	}

	/** Marks a subsidy paid; only an unpaid one changes (the caller holds its lock). */
	boolean markPaid(long id, long txnId, int year, OffsetDateTime now) {
		return jdbc.sql("""
				update care_hardship_subsidy set status = 'APPROVED', txn_id = :txn, paid_year = :year, paid_at = :now,
				  updated_at = :now, version = version + 1
				where id = :id and txn_id is null""")
			.param("txn", txnId).param("year", year).param("now", now).param("id", id).update() == 1;
	}

	Optional<SubsidyRow> findSubsidy(long id) {
		return jdbc.sql("select " + SUBSIDY_COLUMNS + " " + SUBSIDY_FROM + " where s.id = :id").param("id", id)
			.query(HardshipRepository::subsidyRow).optional();
	}

	Optional<SubsidyRow> lockSubsidy(long id) {
		Optional<Long> locked = jdbc.sql("select id from care_hardship_subsidy where id = :id for update")
			.param("id", id).query(Long.class).optional();
		return locked.flatMap(this::findSubsidy);
	}

	/** What a person has been paid in a year; read under the entry's lock for the cap. */
	BigDecimal paidIn(long personId, int year) {
		return jdbc.sql("""
				select coalesce(sum(amount), 0) from care_hardship_subsidy
				where person_id = :p and paid_year = :y and status = 'APPROVED'""")
			.param("p", personId).param("y", year).query(BigDecimal.class).single();
	}

	PageResult<SubsidyRow> subsidies(SqlCondition scope, Long personId, PageRequest page) {
		String from = SUBSIDY_FROM + " where " + scope.sql() + (personId == null ? "" : " and s.person_id = :personId");
		Map<String, Object> params = personId == null ? scope.params() : scope.paramsWith("personId", personId);
		return SqlPages.page(jdbc, SUBSIDY_COLUMNS, from, "s.created_at desc, s.id desc", params, page,
				HardshipRepository::subsidyRow);
	}

	private static String causesText(List<HardshipCause> causes) {
		return causes.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static CaseRow caseRow(ResultSet rs, int i) throws SQLException {
		List<HardshipCause> causes = Arrays.stream(rs.getString("causes").split(",")).filter(s -> !s.isBlank())
			.map(HardshipCause::valueOf).toList();
		return new CaseRow(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("organ_name"), rs.getLong("org_id"), rs.getString("org_path"), causes,
				rs.getInt("household_size"), rs.getBigDecimal("income_per_head"), HardshipLevel.valueOf(rs.getString("level")),
				rs.getObject("review_date", LocalDate.class), rs.getString("note"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getInt("version"));
	}

	private static SubsidyRow subsidyRow(ResultSet rs, int i) throws SQLException {
		return new SubsidyRow(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getLong("org_id"), rs.getString("org_path"), rs.getBigDecimal("amount"), rs.getString("reason"),
				SubsidyStatus.valueOf(rs.getString("status")), rs.getLong("applicant_account_id"),
				(Long) rs.getObject("approval_id", Long.class), (Long) rs.getObject("txn_id", Long.class),
				(Integer) rs.getObject("paid_year", Integer.class), rs.getObject("paid_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}
}
