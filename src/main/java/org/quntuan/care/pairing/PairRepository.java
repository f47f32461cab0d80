package org.quntuan.care.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
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

/** Partners outside the tree, the pairs of an organ and a partner for a term, and the organ's contact people. */
@Repository
class PairRepository {

	record PartnerRow(long id, String name, PartnerKind kind, String district, String contactName, String contactPhone) {
	}

	record PairRow(long id, long organId, String organName, String organPath, long partnerId, String partnerName,
			PartnerKind partnerKind, String district, int startYear, int endYear, Long previousPairId) {
	}

	record ContactRow(long personId, String name, String mobile) {
	}

	/** A person who may be a contact: an active person of the organ. */
	record OrganPerson(long id, String name) {
	}

	static final String PAIR_COLUMNS = """
			pr.id, pr.organ_id, organ.name as organ_name, organ.path as organ_path, pr.partner_id, pt.name as partner_name,
			  pt.kind as partner_kind, pt.district, pr.start_year, pr.end_year, pr.previous_pair_id""";

	static final String PAIR_FROM = """
			from care_pair pr join org organ on organ.id = pr.organ_id join care_pair_partner pt on pt.id = pr.partner_id""";

	private final JdbcClient jdbc;

	PairRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPartner(PartnerRow p, String creator, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_pair_partner (name, kind, district, contact_name, contact_phone, creator_name, created_at)
				values (:name, :kind, :district, :contact, :phone, :creator, :now)""")
			.param("name", p.name()).param("kind", p.kind().name()).param("district", p.district())
			.param("contact", p.contactName()).param("phone", p.contactPhone()).param("creator", creator)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<PartnerRow> partner(long id) {
		return jdbc.sql("select * from care_pair_partner where id = :id").param("id", id).query(PairRepository::partner)
			.optional();
	}

	PageResult<PartnerRow> partners(String q, PageRequest page) {
		String from = "from care_pair_partner where (:q = '' or name like :like or district like :like)";
		String text = q == null ? "" : q.strip();
		return SqlPages.page(jdbc, "*", from, "name, id",
				Map.of("q", text, "like", "%" + SqlCondition.likePrefix(text)), page, PairRepository::partner);
	}

	List<PartnerRow> allPartners() {
		return jdbc.sql("select * from care_pair_partner order by name, id").query(PairRepository::partner).list();
	}

	long insertPair(long organId, long partnerId, int startYear, int endYear, Long previousPairId, String creator,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_pair (organ_id, partner_id, start_year, end_year, previous_pair_id, creator_name, created_at)
				values (:organ, :partner, :start, :end, :previous, :creator, :now)""")
			.param("organ", organId).param("partner", partnerId).param("start", startYear).param("end", endYear)
			.param("previous", previousPairId, Types.BIGINT).param("creator", creator).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addContact(long pairId, long personId) {
		jdbc.sql("insert into care_pair_contact (pair_id, person_id) values (:pair, :person)").param("pair", pairId)
			.param("person", personId).update();
	}

	Optional<PairRow> find(long id) {
		return jdbc.sql("select " + PAIR_COLUMNS + " " + PAIR_FROM + " where pr.id = :id").param("id", id)
			.query(PairRepository::pair).optional();
	}

	/** Whether the organ and partner already have a pair whose term meets the years given. */
	boolean overlaps(long organId, long partnerId, int startYear, int endYear) {
		return jdbc.sql("""
				select count(*) from care_pair where organ_id = :organ and partner_id = :partner
				  and start_year <= :end and end_year >= :start""")
			.param("organ", organId).param("partner", partnerId).param("start", startYear).param("end", endYear)
			.query(Long.class).single() > 0;
	}

	Optional<Long> successor(long pairId) {
		return jdbc.sql("select min(id) from care_pair where previous_pair_id = :id").param("id", pairId)
			.query(Long.class).optional();
	}

	/** The pairs the scope admits (over {@code org organ}), of a year's term if given, by organ and start. */
	PageResult<PairRow> pairs(SqlCondition scope, Integer year, Long organId, PageRequest page) {
		SqlCondition where = scope;
		if (year != null) {
			where = where.and(SqlCondition.of("pr.start_year <= :year and pr.end_year >= :year", "year", year));
		}
		if (organId != null) {
			where = where.and(SqlCondition.of("pr.organ_id = :organ", "organ", organId));
		}
		return SqlPages.page(jdbc, PAIR_COLUMNS, PAIR_FROM + " where " + where.sql(), "organ.path, pr.start_year desc, pr.id",
				where.params(), page, PairRepository::pair);
	}

	List<ContactRow> contacts(long pairId) {
		return jdbc.sql("""
				select p.id, p.name, p.mobile from care_pair_contact c join person p on p.id = c.person_id
				where c.pair_id = :pair order by p.name_pinyin, p.id""")
			.param("pair", pairId).query((rs, i) -> new ContactRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The active people of the organ among these ids: id → name. */
	List<OrganPerson> organPeople(long organId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, name from person where organ_id = :organ and active = true and id in (:ids)")
			.param("organ", organId).param("ids", ids)
			.query((rs, i) -> new OrganPerson(rs.getLong(1), rs.getString(2))).list();
	}

	/** An active organ (type ORGAN): its name and path. */
	Optional<String[]> organ(long id) {
		return jdbc.sql("select name, path from org where id = :id and type = 'ORGAN' and active = true").param("id", id)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
	}

	private static PartnerRow partner(ResultSet rs, int i) throws SQLException {
		return new PartnerRow(rs.getLong("id"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
				rs.getString("district"), rs.getString("contact_name"), rs.getString("contact_phone"));
	}

	private static PairRow pair(ResultSet rs, int i) throws SQLException {
		return new PairRow(rs.getLong("id"), rs.getLong("organ_id"), rs.getString("organ_name"), rs.getString("organ_path"),
				rs.getLong("partner_id"), rs.getString("partner_name"), PartnerKind.valueOf(rs.getString("partner_kind")),
				rs.getString("district"), rs.getInt("start_year"), rs.getInt("end_year"),
				rs.getObject("previous_pair_id", Long.class));
	}
}
