package org.quntuan.governance.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Letters to the chair. The writer's name is read here, and dropped by the views where it must not show. */
@Repository
class LetterRepository {

	record LetterRow(long id, LetterCategory category, String body, boolean anonymous, boolean toFederation,
			long officeOrgId, String officeName, String officePath, long writerPersonId, String writerName,
			String writerOrganName, LetterStatus status, Long assigneeAccountId, String assigneeName, LocalDate writtenOn,
			LocalDate dueOn, boolean escalated, String reply, String replierName, LocalDate repliedOn, Integer rating,
			String ratingComment, int version) {
	}

	/** The office a writer's letter goes to: the union of their organ, or the root for the work committee. */
	record Office(long id, String name, String path) {
	}

	static final String COLUMNS = """
			l.*, o.name as office_name, o.path as office_path, p.name as writer_name, organ.name as writer_organ_name""";

	static final String FROM = """
			from gov_mailbox_letter l join org o on o.id = l.office_org_id join person p on p.id = l.writer_person_id
			  join org organ on organ.id = p.organ_id""";

	private final JdbcClient jdbc;

	LetterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Office> unionOf(long personId) {
		return jdbc.sql("""
				select u.id, u.name, u.path from person p join org u on u.parent_id = p.organ_id
				where p.id = :p and p.active = true and u.type = 'UNION' and u.active = true
				order by u.id fetch first 1 rows only""")
			.param("p", personId).query((rs, i) -> new Office(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
	}

	Office root() {
		return jdbc.sql("select id, name, path from org where parent_id is null order by id fetch first 1 rows only")
			.query((rs, i) -> new Office(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
	}

	long insert(LetterCategory category, String body, boolean anonymous, boolean toFederation, long officeOrgId,
			long writerPersonId, LocalDate writtenOn, LocalDate dueOn) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into gov_mailbox_letter (category, body, anonymous, to_federation, office_org_id, writer_person_id,
				  status, written_on, due_on)
				values (:category, :body, :anonymous, :fed, :office, :writer, 'SUBMITTED', :written, :due)""")
			.param("category", category.name()).param("body", body).param("anonymous", anonymous)
			.param("fed", toFederation).param("office", officeOrgId).param("writer", writerPersonId)
			.param("written", writtenOn).param("due", dueOn)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<LetterRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " where l.id = :id").param("id", id)
			.query(LetterRepository::map).optional();
	}

	/** The letters of the offices (and the escalated ones for the work committee), newest first; one indexed query. */
	PageResult<LetterRow> board(SqlCondition offices, LetterStatus status, PageRequest page) {
		String where = " where " + offices.sql() + (status == null ? "" : " and l.status = :status");
		return SqlPages.page(jdbc, COLUMNS, FROM + where, "l.written_on desc, l.id desc",
				offices.paramsWith("status", status == null ? "" : status.name()), page, LetterRepository::map);
	}

	PageResult<LetterRow> ofWriter(long personId, PageRequest page) {
		return SqlPages.page(jdbc, COLUMNS, FROM + " where l.writer_person_id = :p", "l.written_on desc, l.id desc",
				Map.of("p", personId), page, LetterRepository::map);
	}

	boolean assign(long id, int version, long accountId, String name) {
		return jdbc.sql("""
				update gov_mailbox_letter set assignee_account_id = :a, assignee_name = :n, status = 'ASSIGNED',
				  version = version + 1
				where id = :id and version = :v and status in ('SUBMITTED', 'ASSIGNED')""")
			.param("a", accountId).param("n", name).param("id", id).param("v", version).update() == 1;
	}

	boolean reply(long id, int version, String reply, String replier, LocalDate on) {
		return jdbc.sql("""
				update gov_mailbox_letter set reply = :r, replier_name = :n, replied_on = :on, status = 'REPLIED',
				  version = version + 1
				where id = :id and version = :v and status in ('SUBMITTED', 'ASSIGNED')""")
			.param("r", reply).param("n", replier).param("on", on).param("id", id).param("v", version).update() == 1;
	}

	boolean rate(long id, int score, String comment) {
		return jdbc.sql("""
				update gov_mailbox_letter set rating = :s, rating_comment = :c, status = 'RATED', version = version + 1
				where id = :id and status = 'REPLIED'""")
			.param("s", score).param("c", comment, Types.VARCHAR).param("id", id).update() == 1;
	}

	/** Open letters due by the day and not reminded yet. */
	List<LetterRow> dueUnreminded(LocalDate by) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " " + """
				where l.status in ('SUBMITTED', 'ASSIGNED') and l.due_on <= :by and l.reminded = false order by l.id""")
			.param("by", by).query(LetterRepository::map).list();
	}

	/** Open letters past their day and not escalated yet. */
	List<LetterRow> overdueUnescalated(LocalDate today) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " " + """
				where l.status in ('SUBMITTED', 'ASSIGNED') and l.due_on < :today and l.escalated = false order by l.id""")
			.param("today", today).query(LetterRepository::map).list();
	}

	boolean markReminded(long id) {
		return jdbc.sql("update gov_mailbox_letter set reminded = true where id = :id and reminded = false").param("id", id)
			.update() == 1;
	}

	boolean markEscalated(long id) {
		return jdbc.sql("update gov_mailbox_letter set escalated = true where id = :id and escalated = false")
			.param("id", id).update() == 1;
	}

	/** Per category: letters, answered, overdue now or answered late, rated and the sum of ratings, in the year. */
	List<Object[]> summary(SqlCondition offices, LocalDate from, LocalDate to, LocalDate today) {
		return jdbc.sql("""
				select l.category, count(*),
				  sum(case when l.status in ('REPLIED', 'RATED') then 1 else 0 end),
				  sum(case when (l.status in ('SUBMITTED', 'ASSIGNED') and l.due_on < :today) or l.replied_on > l.due_on
				      then 1 else 0 end),
				  sum(case when l.rating is not null then 1 else 0 end), coalesce(sum(l.rating), 0)
				from gov_mailbox_letter l join org o on o.id = l.office_org_id
				where l.written_on >= :from and l.written_on < :to and """ + offices.sql() + " group by l.category")
			.params(offices.params()).param("from", from).param("to", to).param("today", today)
			.query((rs, i) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6) })
			.list();
	}

	private static LetterRow map(ResultSet rs, int i) throws SQLException {
		return new LetterRow(rs.getLong("id"), LetterCategory.valueOf(rs.getString("category")), rs.getString("body"),
				rs.getBoolean("anonymous"), rs.getBoolean("to_federation"), rs.getLong("office_org_id"),
				rs.getString("office_name"), rs.getString("office_path"), rs.getLong("writer_person_id"),
				rs.getString("writer_name"), rs.getString("writer_organ_name"), LetterStatus.valueOf(rs.getString("status")),
				rs.getObject("assignee_account_id", Long.class), rs.getString("assignee_name"),
				rs.getObject("written_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				rs.getBoolean("escalated"), rs.getString("reply"), rs.getString("replier_name"),
				rs.getObject("replied_on", LocalDate.class), rs.getObject("rating", Integer.class),
				rs.getString("rating_comment"), rs.getInt("version"));
	}
}
