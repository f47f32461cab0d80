package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of statistical forms. */
@Repository
public class FormRepository {

	/** A form with its sender org, as stored. */
	public record FormRow(long id, String title, String instructions, OffsetDateTime deadline, long senderOrgId,
			String senderOrgName, String senderOrgPath, OffsetDateTime createdAt) {
	}

	/** One target's response without values. */
	public record ResponseRow(long id, long formId, long orgId, String orgName, String orgPath, Long groupId,
			String groupName, FormResponseStatus status, String returnReason, OffsetDateTime savedAt,
			OffsetDateTime submittedAt, int version) {
	}

	record Target(long orgId, Long groupId) {
	}

	private static final String FORM = """
			select f.id, f.title, f.instructions, f.deadline, f.sender_org_id, s.name as sender_name, s.path as sender_path,
			  f.created_at
			from stat_form f join org s on s.id = f.sender_org_id""";

	private static final String RESPONSE = """
			select r.id, r.form_id, r.org_id, o.name as org_name, o.path as org_path, r.group_id, g.name as group_name,
			  r.status, r.return_reason, r.saved_at, r.submitted_at, r.version
			from stat_form_response r join org o on o.id = r.org_id left join org g on g.id = r.group_id""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	/**
	 * The status table's, the aggregate's and the export's reads ({@link #boardResponses}, the figures, the
	 * values of every response): the read-only standby when there is one. What guards a change stays here
	 * on the primary ({@link #responses}, {@link #response}, {@link #values}).
	 */
	private final JdbcClient board;

	FormRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.named = named;
		this.board = reads.client();
	}

	long insertForm(String title, String instructions, OffsetDateTime deadline, long senderOrgId, Long createdBy,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into stat_form (title, instructions, deadline, sender_org_id, created_by, created_at)
				values (:title, :instructions, :deadline, :sender, :by, :now)""")
			.param("title", title).param("instructions", instructions, Types.VARCHAR).param("deadline", deadline)
			.param("sender", senderOrgId).param("by", createdBy, Types.BIGINT).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertFields(long formId, List<FormField> fields) {
		SqlParameterSource[] rows = fields.stream().map(f -> new MapSqlParameterSource()
			.addValue("form", formId).addValue("position", f.position()).addValue("label", f.label())
			.addValue("type", f.type().name()).addValue("required", f.required())
			.addValue("min", f.min(), Types.NUMERIC).addValue("max", f.max(), Types.NUMERIC)
			.addValue("maxLength", f.maxLength(), Types.INTEGER)
			.addValue("options", f.options().isEmpty() ? null : String.join("\n", f.options()), Types.VARCHAR))
			.toArray(SqlParameterSource[]::new);
		named.batchUpdate("""
				insert into stat_form_field (form_id, position, label, type, required, min_value, max_value, max_length, options)
				values (:form, :position, :label, :type, :required, :min, :max, :maxLength, :options)""", rows);
	}

	void insertResponses(long formId, List<Target> targets) {
		SqlParameterSource[] rows = targets.stream().map(t -> new MapSqlParameterSource()
			.addValue("form", formId).addValue("org", t.orgId()).addValue("group", t.groupId(), Types.BIGINT))
			.toArray(SqlParameterSource[]::new);
		named.batchUpdate("""
				insert into stat_form_response (form_id, org_id, group_id, status, version)
				values (:form, :org, :group, 'NOT_STARTED', 0)""", rows);
	}

	Optional<FormRow> find(long id) {
		return jdbc.sql(FORM + " where f.id = :id").param("id", id).query(FormRepository::form).optional();
	}

	List<FormField> fields(long formId) {
		return jdbc.sql("select * from stat_form_field where form_id = :f order by position").param("f", formId)
			.query(FormRepository::field).list();
	}

	/** Forms sent by orgs under the given paths, newest first. */
	List<FormRow> sentUnder(SqlCondition senders, int limit) {
		return jdbc.sql(FORM + " where " + senders.sql() + " order by f.created_at desc, f.id desc limit :limit")
			.params(senders.params()).param("limit", limit).query(FormRepository::form).list();
	}

	/** Responses of orgs under the given paths to forms not sent under them (the caller's to-do list). */
	List<ResponseRow> toFill(SqlCondition targets, SqlCondition notSentBy, int limit) {
		return jdbc.sql(RESPONSE + " join stat_form f on f.id = r.form_id join org s on s.id = f.sender_org_id where "
				+ targets.sql() + " and not " + notSentBy.sql() + " order by f.deadline desc, r.id limit :limit")
			.params(targets.params()).params(notSentBy.params()).param("limit", limit)
			.query(FormRepository::response).list();
	}

	public List<ResponseRow> responses(long formId) {
		return jdbc.sql(RESPONSE + " where r.form_id = :f order by o.path").param("f", formId)
			.query(FormRepository::response).list();
	}

	/** Every target's response, for the status table, the aggregate and the export (the standby). */
	List<ResponseRow> boardResponses(long formId) {
		return board.sql(RESPONSE + " where r.form_id = :f order by o.path").param("f", formId)
			.query(FormRepository::response).list();
	}

	Optional<ResponseRow> response(long formId, long orgId) {
		return jdbc.sql(RESPONSE + " where r.form_id = :f and r.org_id = :o").param("f", formId).param("o", orgId)
			.query(FormRepository::response).optional();
	}

	/** field id → text of one response. */
	Map<Long, String> values(long responseId) {
		Map<Long, String> values = new LinkedHashMap<>();
		jdbc.sql("select field_id, value_text from stat_form_value where response_id = :r order by field_id")
			.param("r", responseId)
			.query(rs -> {
				values.put(rs.getLong(1), rs.getString(2));
			});
		return values;
	}

	/** response id → field id → text, of every response of a form (for the export). */
	Map<Long, Map<Long, String>> allValues(long formId) {
		Map<Long, Map<Long, String>> values = new LinkedHashMap<>();
		board.sql("""
				select v.response_id, v.field_id, v.value_text from stat_form_value v
				join stat_form_response r on r.id = v.response_id where r.form_id = :f""")
			.param("f", formId)
			.query(rs -> {
				values.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3));
			});
		return values;
	}

	/**
	 * Moves a response to a new status if it still has the expected version and an allowed status;
	 * false if another request changed it first.
	 */
	boolean changeStatus(long responseId, int version, List<FormResponseStatus> from, FormResponseStatus to,
			String returnReason, Long by, OffsetDateTime now) {
		boolean submit = to == FormResponseStatus.SUBMITTED;
		boolean returned = to == FormResponseStatus.RETURNED;
		String sql = "update stat_form_response set status = :to, version = version + 1"
				+ (returned ? ", return_reason = :reason" : ", saved_at = :now, saved_by = :by")
				+ (submit ? ", submitted_at = :now" : "")
				+ " where id = :id and version = :version and status in (:from)";
		JdbcClient.StatementSpec statement = jdbc.sql(sql).param("to", to.name()).param("id", responseId)
			.param("version", version).param("from", from.stream().map(Enum::name).toList());
		if (returned) {
			statement = statement.param("reason", returnReason);
		}
		else {
			statement = statement.param("now", now).param("by", by, Types.BIGINT);
		}
		if (submit) {
			statement = statement.param("now", now);
		}
		return statement.update() == 1;
	}

	void replaceValues(long responseId, Map<Long, FormRules.Value> values) {
		jdbc.sql("delete from stat_form_value where response_id = :r").param("r", responseId).update();
		SqlParameterSource[] rows = values.entrySet().stream().map(e -> new MapSqlParameterSource()
			.addValue("r", responseId).addValue("f", e.getKey()).addValue("text", e.getValue().text())
			.addValue("number", e.getValue().number(), Types.NUMERIC))
			.toArray(SqlParameterSource[]::new);
		if (rows.length > 0) {
			named.batchUpdate("""
					insert into stat_form_value (response_id, field_id, value_text, value_number)
					values (:r, :f, :text, :number)""", rows);
		}
	}

	/** Sum, average, minimum and maximum of one numeric field, over submitted responses. */
	record Figures(long fieldId, Long groupId, long count, BigDecimal sum, BigDecimal avg, BigDecimal min,
			BigDecimal max) {
	}

	List<Figures> totals(long formId) {
		return board.sql("""
				select v.field_id, count(v.value_number) as n, sum(v.value_number) as s, avg(v.value_number) as a,
				  min(v.value_number) as lo, max(v.value_number) as hi
				from stat_form_value v join stat_form_response r on r.id = v.response_id
				where r.form_id = :f and r.status = 'SUBMITTED' and v.value_number is not null
				group by v.field_id""")
			.param("f", formId).query((rs, i) -> figures(rs, false)).list();
	}

	List<Figures> totalsByGroup(long formId) {
		return board.sql("""
				select v.field_id, r.group_id, count(v.value_number) as n, sum(v.value_number) as s,
				  avg(v.value_number) as a, min(v.value_number) as lo, max(v.value_number) as hi
				from stat_form_value v join stat_form_response r on r.id = v.response_id
				where r.form_id = :f and r.status = 'SUBMITTED' and v.value_number is not null
				group by v.field_id, r.group_id""")
			.param("f", formId).query((rs, i) -> figures(rs, true)).list();
	}

	/** Per status, how many targets. */
	Map<FormResponseStatus, Long> statusCounts(long formId) {
		Map<FormResponseStatus, Long> counts = new LinkedHashMap<>();
		Arrays.stream(FormResponseStatus.values()).forEach(s -> counts.put(s, 0L));
		board.sql("select status, count(*) from stat_form_response where form_id = :f group by status")
			.param("f", formId)
			.query(rs -> {
				counts.put(FormResponseStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/** Forms with a deadline between the two instants and their targets that have not submitted. */
	List<ResponseRow> unsubmittedDueBetween(OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql(RESPONSE + " join stat_form f on f.id = r.form_id where f.deadline > :from and f.deadline <= :to"
				+ " and r.status <> 'SUBMITTED' order by r.form_id, r.org_id")
			.param("from", from).param("to", to).query(FormRepository::response).list();
	}

	private static Figures figures(ResultSet rs, boolean grouped) throws SQLException {
		return new Figures(rs.getLong("field_id"), grouped ? rs.getObject("group_id", Long.class) : null,
				rs.getLong("n"), rs.getBigDecimal("s"), rs.getBigDecimal("a"), rs.getBigDecimal("lo"),
				rs.getBigDecimal("hi"));
	}

	private static FormRow form(ResultSet rs, int i) throws SQLException {
		return new FormRow(rs.getLong("id"), rs.getString("title"), rs.getString("instructions"),
				rs.getObject("deadline", OffsetDateTime.class), rs.getLong("sender_org_id"), rs.getString("sender_name"),
				rs.getString("sender_path"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static FormField field(ResultSet rs, int i) throws SQLException {
		String options = rs.getString("options");
		BigDecimal min = rs.getBigDecimal("min_value");
		BigDecimal max = rs.getBigDecimal("max_value");
		return new FormField(rs.getLong("id"), rs.getInt("position"), rs.getString("label"),
				FormFieldType.valueOf(rs.getString("type")), rs.getBoolean("required"),
				min == null ? null : strip(min), max == null ? null : strip(max), rs.getObject("max_length", Integer.class),
				options == null ? List.of() : List.of(options.split("\n")));
	}

	static BigDecimal strip(BigDecimal n) {
		BigDecimal s = n.stripTrailingZeros();
		return s.scale() < 0 ? s.setScale(0) : s;
	}

	private static ResponseRow response(ResultSet rs, int i) throws SQLException {
		return new ResponseRow(rs.getLong("id"), rs.getLong("form_id"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getString("org_path"), rs.getObject("group_id", Long.class), rs.getString("group_name"),
				FormResponseStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
				rs.getObject("saved_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getInt("version"));
	}
}
