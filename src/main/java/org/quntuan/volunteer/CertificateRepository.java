package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of 志愿服务证明: the certified figures of a person, the certificates issued. */
@Repository
class CertificateRepository {

	record Certified(LocalDate from, LocalDate to, BigDecimal hours) {
	}

	record Row(long id, String code, String number, long volunteerId, long personId, String name, String idNumber,
			String volunteerNumber, LocalDate from, LocalDate to, BigDecimal hours, String services,
			String certifierName, LocalDate issuedOn) {
	}

	private static final String COLUMNS = """
			select c.id, c.code, c.number, c.volunteer_id, c.person_id, p.name, p.id_number, v.number as volunteer_number,
			  c.period_from, c.period_to, c.hours, c.services, c.certifier_name, c.issued_on
			from volunteer_certificate c join volunteer v on v.id = c.volunteer_id join person p on p.id = c.person_id""";

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's verified hours and the first and last day they were served on (none without any). */
	Optional<Certified> certified(long personId) {
		return jdbc.sql("select min(h.service_date), max(h.service_date), coalesce(sum(h.hours), 0) from "
				+ HoursRepository.LEDGER + " where h.person_id = :p and " + HoursRepository.VERIFIED)
			.param("p", personId)
			.query((rs, i) -> new Certified(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getBigDecimal(3)))
			.optional().filter(c -> c.from() != null && c.hours().signum() > 0);
	}

	/** The person's verified hours served within a period: what a certificate of the period still stands on. */
	BigDecimal verifiedWithin(long personId, LocalDate from, LocalDate to) {
		return jdbc.sql("select coalesce(sum(h.hours), 0) from " + HoursRepository.LEDGER + " where h.person_id = :p and "
				+ HoursRepository.VERIFIED + " and h.service_date between :from and :to")
			.param("p", personId).param("from", from).param("to", to).query(BigDecimal.class).single();
	}

	/** What the verified claims were, most served first. */
	List<String> services(long personId) {
		return jdbc.sql("select h.description from " + HoursRepository.LEDGER + " where h.person_id = :p"
				+ " and h.kind = 'CLAIM' and c.approved = true group by h.description order by sum(h.hours) desc, h.description")
			.param("p", personId).query(String.class).list();
	}

	/** The union that certifies for the person's organ: its 工会, else the organ itself. */
	String certifierOf(long personId) {
		return jdbc.sql("""
				select coalesce((select min(u.name) from org u where u.parent_id = p.organ_id and u.type = 'UNION'
				  and u.active = true), organ.name)
				from person p join org organ on organ.id = p.organ_id where p.id = :p""")
			.param("p", personId).query(String.class).single();
	}

	Optional<Row> latestOf(long volunteerId) {
		return jdbc.sql(COLUMNS + " where c.volunteer_id = :v order by c.id desc fetch first 1 rows only")
			.param("v", volunteerId).query(CertificateRepository::row).optional();
	}

	Optional<Row> byCode(String code) {
		return jdbc.sql(COLUMNS + " where c.code = :code").param("code", code).query(CertificateRepository::row)
			.optional();
	}

	/** Inserts a certificate and numbers it after its id (ZYFW-2026-000017): unique by construction. */
	long insert(String code, long volunteerId, long personId, Certified figures, String services, String certifier,
			LocalDate issuedOn, long issuedBy, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into volunteer_certificate (code, volunteer_id, person_id, period_from, period_to, hours, services,
				  certifier_name, issued_on, issued_by, created_at)
				values (:code, :v, :p, :from, :to, :hours, :services, :certifier, :issued, :by, :now)""")
			.param("code", code).param("v", volunteerId).param("p", personId).param("from", figures.from())
			.param("to", figures.to()).param("hours", figures.hours()).param("services", services)
			.param("certifier", certifier).param("issued", issuedOn).param("by", issuedBy).param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("update volunteer_certificate set number = :n where id = :id")
			.param("n", String.format("ZYFW-%d-%06d", issuedOn.getYear(), id)).param("id", id).update();
		return id;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("number"), rs.getLong("volunteer_id"),
				rs.getLong("person_id"), rs.getString("name"), rs.getString("id_number"), rs.getString("volunteer_number"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getString("services"), rs.getString("certifier_name"),
				rs.getObject("issued_on", LocalDate.class));
	}
}
