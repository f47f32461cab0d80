package org.quntuan.member;

import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.quntuan.platform.Invalidation;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

	private final JdbcClient jdbc;

	/**
	 * Totals of unsearched lists (the federation's 100,000 people, a 片组's 12,000), which cost a
	 * count over every row of the scope, kept for {@code quntuan.members.total-cache-ttl}. Every
	 * change of a person through this class clears them once its transaction commits, so only a
	 * change made on another node shows late, by at most that time, and only in the total. Searched
	 * lists are counted each time: they match few rows through their own indexes.
	 */
	private final Cache<CountKey, Long> totals;

	private record CountKey(String sql, Map<String, Object> params) {
	}

	PersonRepository(JdbcClient jdbc, @Value("${quntuan.members.total-cache-ttl:PT30S}") Duration totalTtl) {
		this.jdbc = jdbc;
		this.totals = Caffeine.newBuilder().expireAfterWrite(totalTtl).maximumSize(2_000).build();
	}

	record Search(String sql, Map<String, Object> params) {
	}

	/**
	 * Name (contains), full pinyin or initials (prefix, on indexed columns) or mobile tail; LIKE
	 * wildcards the user types are escaped.
	 */
	static Search search(String q) {
		// normalised as stored names are: full-width letters, and no NUL (PostgreSQL refuses it: a 500)
		String v = TextInput.normalize(q);
		if (v == null) {
			return new Search("", Map.of());
		}
		v = v.toLowerCase();
		String escaped = v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		if (v.matches("[a-z]+")) {
			return new Search(" and (p.name_pinyin like :q or p.name_initials like :q)",
					Map.of("q", escaped + "%"));
		}
		// the last 4 digits (what a list shows anyway) or the whole number: anything between would
		// let a caller uncover a masked number digit by digit
		if (v.matches("\\d{4}")) {
			return new Search(" and p.mobile_reversed like :q", Map.of("q", new StringBuilder(v).reverse() + "%"));
		}
		if (v.matches("\\d{11}")) {
			return new Search(" and p.mobile = :q", Map.of("q", v));
		}
		if (v.matches("\\d+")) {
			return new Search(" and 1 = 0", Map.of());
		}
		// a prefix, so that the index on name serves it: people are looked up by surname first
		return new Search(" and p.name like :q escape '\\'", Map.of("q", escaped + "%"));
	}

	/** One page of a list and the number of people in it. */
	record Page(List<PersonRow> rows, long total) {
	}

	/**
	 * A page of the people in scope, filtered and searched, with their number. An unsearched list is
	 * read in name order through the name index and its total is kept ({@link #count}); a searched
	 * one finds its few matches through their own index, sorts them and counts them in the same
	 * statement (a window count), so a search costs one statement, not two.
	 */
	Page page(SqlCondition scope, SqlCondition filter, String q, boolean active, long offset, int limit) {
		Search s = search(q);
		Map<String, Object> params = merged(scope, filter, s);
		params.put("offset", offset);
		params.put("limit", limit);
		params.put("active", active);
		String where = " where p.active = :active and " + scope.sql() + " and " + filter.sql() + s.sql();
		if (s.sql().isEmpty()) {
			List<PersonRow> rows = jdbc
				.sql(PersonRow.SELECT + where + " order by p.name_pinyin, p.id offset :offset rows fetch next :limit rows only")
				.params(params).query(PersonRow::map).list();
			return new Page(rows, count(scope, filter, q, active));
		}
		// "offset 0" keeps the planner from walking the name index in list order while filtering out
		// most of it: a search term matches few rows, found through its own index and then sorted
		long[] total = { -1 };
		List<PersonRow> rows = jdbc.sql("select m.*, count(*) over () as matched from (" + PersonRow.SELECT + where
				+ " offset 0 rows) m order by m.name_pinyin, m.id offset :offset rows fetch next :limit rows only")
			.params(params).query((rs, i) -> {
				total[0] = rs.getLong("matched");
				return PersonRow.map(rs, i);
			}).list();
		// a page past the end has no row to carry the number
		return new Page(rows, rows.isEmpty() ? count(scope, filter, q, active) : total[0]);
	}

	long count(SqlCondition scope, SqlCondition filter, String q, boolean active) {
		Search s = search(q);
		Map<String, Object> params = merged(scope, filter, s);
		params.put("active", active);
		String sql = "select count(*) from person p where p.active = :active and " + scope.sql() + " and " + filter.sql()
				+ s.sql();
		if (!s.sql().isEmpty()) {
			return jdbc.sql(sql).params(params).query(Long.class).single();
		}
		return totals.get(new CountKey(sql, Map.copyOf(params)),
				key -> jdbc.sql(key.sql()).params(key.params()).query(Long.class).single());
	}

	/** A person was added, changed, moved or left: the cached totals are cleared when that commits. */
	void changed() {
		Invalidation.nowAndAtTransactionEnd(totals::invalidateAll);
	}

	private static Map<String, Object> merged(SqlCondition scope, SqlCondition filter, Search s) {
		Map<String, Object> params = new HashMap<>();
		params.putAll(scope.params());
		params.putAll(filter.params());
		params.putAll(s.params());
		return params;
	}

	Optional<PersonRow> find(long id) {
		return jdbc.sql(PersonRow.SELECT + " where p.id = :id").param("id", id).query(PersonRow::map).optional();
	}

	boolean inScope(long id, SqlCondition scope) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("id", id);
		return jdbc.sql("select count(*) from person p where p.id = :id and " + scope.sql())
			.params(params).query(Long.class).single() > 0;
	}

	/** Who holds this ID number, other than {@code exceptId}. */
	Optional<Long> holderOfIdNumber(String idNumber, Long exceptId) {
		return jdbc.sql("select id from person where id_number = :v and (:except is null or id <> :except)")
			.param("v", idNumber).param("except", exceptId, Types.BIGINT).query(Long.class).optional();
	}

	/** Which active person uses this mobile, other than {@code exceptId}. */
	Optional<Long> holderOfMobile(String mobile, Long exceptId) {
		return jdbc.sql("select id from person where active_mobile = :v and (:except is null or id <> :except)")
			.param("v", mobile).param("except", exceptId, Types.BIGINT).query(Long.class).optional();
	}

	boolean idNumberTaken(String idNumber, Long exceptId) {
		return jdbc.sql("select count(*) from person where id_number = :v and (:except is null or id <> :except)")
			.param("v", idNumber).param("except", exceptId, Types.BIGINT).query(Long.class).single() > 0;
	}

	boolean mobileTaken(String mobile, Long exceptId) {
		return jdbc.sql("select count(*) from person where active_mobile = :v and (:except is null or id <> :except)")
			.param("v", mobile).param("except", exceptId, Types.BIGINT).query(Long.class).single() > 0;
	}

	/** Shared with the batch import ({@link PersonBatch}): parameters of {@link PersonValues#params()} and :now. */
	static final String INSERT = """
			insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile, mobile_reversed, active_mobile,
			  organ_id, position, political_status, union_status, union_joined_on, employment_status, active,
			  created_at, updated_at, version)
			values (:name, :pinyin, :initials, :gender, :birth, :idNumber, :mobile, :mobileReversed, :mobile, :organ, :position,
			  :political, :union, :unionJoined, :employment, true, :now, :now, 0)""";

	/** The first period of a newly registered person: parameters :p, :o, :d and :r. */
	static final String INSERT_FIRST_PERIOD = "insert into person_organ_history (person_id, organ_id, valid_from, valid_to, reason) values (:p, :o, :d, null, :r)";

	static final String FIRST_PERIOD_REASON = Texts.chinese("member.history.registered");

	long insert(PersonValues v, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		changed();
		jdbc.sql(INSERT).params(v.params()).param("now", now).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql(INSERT_FIRST_PERIOD)
			.param("p", id).param("o", v.organId()).param("d", now.atZoneSameInstant(Zones.BUSINESS).toLocalDate()).param("r", FIRST_PERIOD_REASON).update();
		return id;
	}

	void changeMobile(long id, String mobile, OffsetDateTime now) {
		jdbc.sql("""
				update person set mobile = :m, mobile_reversed = :r, active_mobile = case when active then :m else null end,
				  updated_at = :now, version = version + 1 where id = :id""")
			.param("m", mobile).param("r", new StringBuilder(mobile).reverse().toString()).param("now", now)
			.param("id", id).update();
	}

	/**
	 * The union status and joining date are left as they are: from registration on they change only
	 * through the union's own steps (member.union: joining, leaving, retaining), each with its history.
	 */
	int update(long id, int version, PersonValues v, OffsetDateTime now) {
		changed();
		return jdbc.sql("""
				update person set name = :name, name_pinyin = :pinyin, name_initials = :initials, gender = :gender,
				  birth_date = :birth, id_number = :idNumber, mobile = :mobile, mobile_reversed = :mobileReversed,
				  active_mobile = case when active then :mobile else null end, position = :position,
				  political_status = :political, employment_status = :employment, updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.params(v.params()).param("now", now).param("id", id).param("version", version).update();
	}

	/** The first day of the person's open period in their organ's history (null when there is none). */
	LocalDate currentPeriodStart(long personId) {
		return jdbc.sql("select valid_from from person_organ_history where person_id = :p and valid_to is null order by valid_from desc")
			.param("p", personId).query(LocalDate.class).list().stream().findFirst().orElse(null);
	}

	/**
	 * Moves an active person to another organ; the open period of the history ends the day before,
	 * or on the same day when it began that day (a same-day correction keeps both periods in order).
	 */
	int transfer(long id, int version, long toOrganId, LocalDate date, String reason, OffsetDateTime now) {
		changed();
		int changed = jdbc.sql("""
				update person set organ_id = :to, updated_at = :now, version = version + 1
				where id = :id and version = :version and active = true""")
			.param("to", toOrganId).param("now", now).param("id", id).param("version", version).update();
		if (changed == 1) {
			LocalDate began = currentPeriodStart(id);
			closeHistory(id, began != null && !date.isAfter(began) ? began : date.minusDays(1), reason);
			jdbc.sql("insert into person_organ_history (person_id, organ_id, valid_from, valid_to, reason) values (:p, :o, :d, null, :r)")
				.param("p", id).param("o", toOrganId).param("d", date).param("r", reason).update();
		}
		return changed;
	}

	/** Retirement or leaving: the person stays on record, inactive, and frees their mobile number. */
	int leave(long id, int version, EmploymentStatus status, LocalDate date, String reason, OffsetDateTime now) {
		changed();
		int changed = jdbc.sql("""
				update person set active = false, active_mobile = null, employment_status = :status,
				  union_status = case when :status = 'LEFT' and union_status = 'MEMBER' then 'LEFT' else union_status end,
				  updated_at = :now, version = version + 1
				where id = :id and version = :version and active = true""")
			.param("status", status.name()).param("now", now).param("id", id).param("version", version).update();
		if (changed == 1) {
			closeHistory(id, date, reason);
		}
		return changed;
	}

	private void closeHistory(long personId, LocalDate validTo, String reason) {
		jdbc.sql("update person_organ_history set valid_to = :to, end_reason = :r where person_id = :p and valid_to is null")
			.param("to", validTo).param("r", reason).param("p", personId).update();
	}

	List<PersonDetail.OrganPeriod> organHistory(long personId) {
		return jdbc.sql("""
				select o.name, h.valid_from, h.valid_to, h.reason, h.end_reason from person_organ_history h join org o on o.id = h.organ_id
				where h.person_id = :id order by h.valid_from desc, h.id desc""")
			.param("id", personId)
			.query((rs, i) -> new PersonDetail.OrganPeriod(rs.getString("name"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getString("reason"), rs.getString("end_reason")))
			.list();
	}

	record OrganCounts(long organId, long people, long unionMembers, long leagueMembers, long women) {
	}

	List<OrganCounts> countsByOrgan(LocalDate leagueBornAfter) {
		return jdbc.sql("""
				select organ_id, count(*) as people,
				  sum(case when union_status = 'MEMBER' then 1 else 0 end) as union_members,
				  sum(case when political_status = 'LEAGUE_MEMBER' or birth_date > :born then 1 else 0 end) as league_members,
				  sum(case when gender = 'FEMALE' then 1 else 0 end) as women
				from person where active = true group by organ_id""")
			.param("born", leagueBornAfter)
			.query((rs, i) -> new OrganCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	Optional<Long> findActiveIdByMobile(String mobile) {
		return jdbc.sql("select id from person where active_mobile = :m").param("m", mobile).query(Long.class).optional();
	}

	Optional<Long> organOf(long personId) {
		return jdbc.sql("select organ_id from person where id = :id").param("id", personId).query(Long.class).optional();
	}
}
