package org.quntuan.care.recuperation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Recuperation batches, their quotas per organ and the nominations. */
@Repository
class RecuperationRepository {

	record BatchRow(long id, String title, RecuperationKind kind, String destination, LocalDate startsOn, LocalDate endsOn,
			int capacity, BigDecimal costPerPerson, String description, long ownerOrgId, String ownerOrgName,
			String ownerOrgPath, String creatorName, OffsetDateTime createdAt, int version) {
	}

	/** An organ's quota with the places its nominations hold and the length of its wait list. */
	record QuotaRow(long organId, String organName, String organPath, int places, int held, int waiting) {
	}

	/** A person as a nomination needs them. */
	record Nominee(long personId, String name, long organId, String organName, String organPath, String organType,
			boolean active, boolean inService) {
	}

	record NominationRow(long id, long batchId, long personId, String name, long organId, String organName,
			String organPath, NominationStatus status, String modelWorkerRef, long nominatorAccountId, String nominatorName,
			OffsetDateTime nominatedAt, OffsetDateTime answeredAt, String answerNote, OffsetDateTime attendanceAt,
			int version) {
	}

	/** Another batch the person is in, for the eligibility rules. */
	record Earlier(long batchId, String title, LocalDate startsOn, NominationStatus status) {
	}

	private static final String BATCH = """
			select b.*, o.name as owner_org_name, o.path as owner_org_path
			from care_recuperation_batch b join org o on o.id = b.owner_org_id""";

	private static final String NOMINATION = """
			select n.*, p.name, organ.name as organ_name, organ.path as organ_path
			from care_recuperation_nomination n join person p on p.id = n.person_id
			  join org organ on organ.id = n.organ_id""";

	private final JdbcClient jdbc;

	private final boolean postgres;

	RecuperationRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	long insertBatch(BatchRow b, long accountId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_recuperation_batch (title, kind, destination, starts_on, ends_on, capacity, cost_per_person,
				  description, owner_org_id, creator_account_id, creator_name, created_at)
				values (:title, :kind, :destination, :startsOn, :endsOn, :capacity, :cost, :description, :owner, :account,
				  :creator, :now)""")
			.param("title", b.title()).param("kind", b.kind().name()).param("destination", b.destination())
			.param("startsOn", b.startsOn()).param("endsOn", b.endsOn()).param("capacity", b.capacity())
			.param("cost", b.costPerPerson()).param("description", b.description(), Types.VARCHAR)
			.param("owner", b.ownerOrgId()).param("account", accountId).param("creator", b.creatorName())
			.param("now", b.createdAt())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<BatchRow> find(long id) {
		return jdbc.sql(BATCH + " where b.id = :id").param("id", id).query(RecuperationRepository::map).optional();
	}

	/** The batch, locked until the end of the transaction: nominations and quota changes of one batch queue here. */
	Optional<BatchRow> lock(long id) {
		jdbc.sql("select id from care_recuperation_batch where id = :id for " + (postgres ? "no key update" : "update"))
			.param("id", id).query(Long.class).optional();
		return find(id);
	}

	/** Batches starting in the period, newest first. */
	List<BatchRow> startingBetween(LocalDate from, LocalDate to) {
		return jdbc.sql(BATCH + " where b.starts_on >= :from and b.starts_on < :to order by b.starts_on desc, b.id desc")
			.param("from", from).param("to", to).query(RecuperationRepository::map).list();
	}

	/** @return false when the version read is no longer the batch's */
	boolean touch(long id, int version) {
		return jdbc.sql("update care_recuperation_batch set version = version + 1 where id = :id and version = :v")
			.param("id", id).param("v", version).update() == 1;
	}

	List<QuotaRow> quotas(long batchId) {
		return jdbc.sql("""
				select q.organ_id, o.name, o.path, q.places,
				  (select count(*) from care_recuperation_nomination n where n.batch_id = q.batch_id
				     and n.organ_id = q.organ_id and n.status in ('NOMINATED', 'CONFIRMED', 'ATTENDED', 'ABSENT')) as held,
				  (select count(*) from care_recuperation_nomination n where n.batch_id = q.batch_id
				     and n.organ_id = q.organ_id and n.status = 'WAITING') as waiting
				from care_recuperation_quota q join org o on o.id = q.organ_id
				where q.batch_id = :b order by o.path""")
			.param("b", batchId)
			.query((rs, i) -> new QuotaRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.list();
	}

	/** The organs with a quota in the batch: id → path, for the visibility rules. */
	Map<Long, String> quotaOrgans(long batchId) {
		Map<Long, String> organs = new LinkedHashMap<>();
		jdbc.sql("""
				select q.organ_id, o.path from care_recuperation_quota q join org o on o.id = q.organ_id
				where q.batch_id = :b and q.places > 0""")
			.param("b", batchId).query(rs -> {
				organs.put(rs.getLong(1), rs.getString(2));
			});
		return organs;
	}

	Optional<Integer> places(long batchId, long organId) {
		return jdbc.sql("select places from care_recuperation_quota where batch_id = :b and organ_id = :o")
			.param("b", batchId).param("o", organId).query(Integer.class).optional();
	}

	void setQuota(long batchId, long organId, int places) {
		int updated = jdbc.sql("update care_recuperation_quota set places = :p where batch_id = :b and organ_id = :o")
			.param("p", places).param("b", batchId).param("o", organId).update();
		if (updated == 0) {
			jdbc.sql("insert into care_recuperation_quota (batch_id, organ_id, places) values (:b, :o, :p)")
				.param("b", batchId).param("o", organId).param("p", places).update();
		}
	}

	/** Active organs (type ORGAN) among these ids: id → name. */
	Map<Long, String> organs(List<Long> ids) {
		Map<Long, String> organs = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return organs;
		}
		jdbc.sql("select id, name from org where id in (:ids) and type = 'ORGAN' and active = true order by path")
			.param("ids", ids).query(rs -> {
				organs.put(rs.getLong(1), rs.getString(2));
			});
		return organs;
	}

	/** Every active organ, by path: the rows of the quota form. */
	List<Map.Entry<Long, String>> allOrgans() {
		return jdbc.sql("select id, name from org where type = 'ORGAN' and active = true order by path")
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
	}

	int held(long batchId, long organId) {
		return jdbc.sql("""
				select count(*) from care_recuperation_nomination where batch_id = :b and organ_id = :o
				  and status in ('NOMINATED', 'CONFIRMED', 'ATTENDED', 'ABSENT')""")
			.param("b", batchId).param("o", organId).query(Integer.class).single();
	}

	Optional<Nominee> nominee(long personId) {
		return jdbc.sql("""
				select p.id, p.name, p.organ_id, organ.name as organ_name, organ.path as organ_path, organ.type as organ_type,
				  p.active, p.employment_status
				from person p join org organ on organ.id = p.organ_id where p.id = :id""")
			.param("id", personId)
			.query((rs, i) -> new Nominee(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
					rs.getString("organ_name"), rs.getString("organ_path"), rs.getString("organ_type"),
					rs.getBoolean("active"), "IN_SERVICE".equals(rs.getString("employment_status"))))
			.optional();
	}

	/** Whether the person is among those the condition over {@code person p} admits. */
	boolean personMatches(long personId, SqlCondition people) {
		return jdbc.sql("select count(*) from person p where p.id = :person and " + people.sql())
			.params(people.paramsWith("person", personId)).query(Long.class).single() > 0;
	}

	/**
	 * The person's nominations in other batches that are open, or that count as a recuperation (confirmed or
	 * attended) within the window around this batch's start.
	 */
	/**
	 * Ends what can no longer happen, so that it does not hold the person: an answer never given or a
	 * wait list never reached in a batch that has begun, a confirmed trip of a batch that has ended
	 * (it still counts as a trip for the interval rule through its status).
	 */
	int releaseStale(long personId, LocalDate today) {
		return jdbc.sql("""
				update care_recuperation_nomination set open_person_id = null
				where person_id = :p and open_person_id is not null
				  and (status in ('NOMINATED', 'WAITING')
				      and batch_id in (select id from care_recuperation_batch where starts_on <= :today)
				    or status = 'CONFIRMED'
				      and batch_id in (select id from care_recuperation_batch where ends_on < :today))""")
			.param("p", personId).param("today", today).update();
	}

	List<Earlier> otherBatches(long personId, long batchId, LocalDate windowFrom, LocalDate windowTo, LocalDate today) {
		return jdbc.sql("""
				select b.id, b.title, b.starts_on, n.status from care_recuperation_nomination n
				  join care_recuperation_batch b on b.id = n.batch_id
				where n.person_id = :p and n.batch_id <> :b
				  and (n.status in ('NOMINATED', 'WAITING') and b.starts_on > :today
				    or n.status in ('CONFIRMED', 'ATTENDED') and b.starts_on > :from and b.starts_on < :to)
				order by b.starts_on desc""")
			.param("p", personId).param("b", batchId).param("from", windowFrom).param("to", windowTo)
			.param("today", today)
			.query((rs, i) -> new Earlier(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					NominationStatus.valueOf(rs.getString(4))))
			.list();
	}

	long insertNomination(long batchId, Nominee n, NominationStatus status, String modelWorkerRef, long accountId,
			String nominatorName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_recuperation_nomination (batch_id, person_id, organ_id, status, open_person_id,
				  model_worker_ref, nominator_account_id, nominator_name, nominated_at)
				values (:b, :p, :o, :status, :p, :ref, :account, :name, :now)""")
			.param("b", batchId).param("p", n.personId()).param("o", n.organId()).param("status", status.name())
			.param("ref", modelWorkerRef, Types.VARCHAR).param("account", accountId).param("name", nominatorName)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A declined or withdrawn nomination made anew (the row is unique per batch and person). */
	void renominate(long id, Nominee n, NominationStatus status, String modelWorkerRef, long accountId,
			String nominatorName, OffsetDateTime now) {
		jdbc.sql("""
				update care_recuperation_nomination set status = :status, open_person_id = person_id, organ_id = :o,
				  model_worker_ref = :ref, nominator_account_id = :account, nominator_name = :name, nominated_at = :now,
				  answered_at = null, answer_note = null, attendance_at = null, version = version + 1
				where id = :id""")
			.param("status", status.name()).param("o", n.organId()).param("ref", modelWorkerRef, Types.VARCHAR)
			.param("account", accountId).param("name", nominatorName).param("now", now).param("id", id).update();
	}

	/** Moves the nomination on; open_person_id follows the status. */
	void answer(long id, NominationStatus status, OffsetDateTime now, String note) {
		jdbc.sql("""
				update care_recuperation_nomination set status = :status,
				  open_person_id = case when :open then person_id else null end,
				  answered_at = :now, answer_note = :note, version = version + 1
				where id = :id""")
			.param("status", status.name()).param("open", status.open()).param("now", now)
			.param("note", note, Types.VARCHAR).param("id", id).update();
	}

	/** A wait-listed nomination given a place: it now awaits the person's answer. */
	void promote(long id, OffsetDateTime now) {
		jdbc.sql("""
				update care_recuperation_nomination set status = 'NOMINATED', nominated_at = :now, version = version + 1
				where id = :id and status = 'WAITING'""")
			.param("now", now).param("id", id).update();
	}

	void recordAttendance(long id, boolean attended, OffsetDateTime now) {
		jdbc.sql("""
				update care_recuperation_nomination set status = :status, open_person_id = null, attendance_at = :now,
				  version = version + 1
				where id = :id""")
			.param("status", attended ? "ATTENDED" : "ABSENT").param("now", now).param("id", id).update();
	}

	Optional<NominationRow> nomination(long id) {
		return jdbc.sql(NOMINATION + " where n.id = :id").param("id", id).query(RecuperationRepository::mapNomination)
			.optional();
	}

	Optional<NominationRow> nominationOf(long batchId, long personId) {
		return jdbc.sql(NOMINATION + " where n.batch_id = :b and n.person_id = :p").param("b", batchId)
			.param("p", personId).query(RecuperationRepository::mapNomination).optional();
	}

	/** The organ's first on the batch's wait list who is still active, in the order they were put there. */
	Optional<NominationRow> firstWaiting(long batchId, long organId) {
		return jdbc.sql(NOMINATION + """
				 where n.batch_id = :b and n.organ_id = :o and n.status = 'WAITING' and p.active = true
				order by n.nominated_at, n.id fetch first 1 rows only""")
			.param("b", batchId).param("o", organId).query(RecuperationRepository::mapNomination).optional();
	}

	/** The nominations the condition over {@code person p} admits, by organ, status and name. */
	List<NominationRow> nominations(long batchId, SqlCondition people) {
		return jdbc.sql(NOMINATION + " where n.batch_id = :batch and " + people.sql()
				+ " order by organ.path, n.nominated_at, n.id")
			.params(people.paramsWith("batch", batchId)).query(RecuperationRepository::mapNomination).list();
	}

	/** The person's own nominations, newest batch first. */
	List<NominationRow> ofPerson(long personId) {
		return jdbc.sql(NOMINATION + """
				 join care_recuperation_batch b on b.id = n.batch_id
				where n.person_id = :p order by b.starts_on desc, n.id desc""")
			.param("p", personId).query(RecuperationRepository::mapNomination).list();
	}

	/** Batches that hold a nomination of the person. */
	boolean nominated(long batchId, long personId) {
		return jdbc.sql("select count(*) from care_recuperation_nomination where batch_id = :b and person_id = :p")
			.param("b", batchId).param("p", personId).query(Integer.class).single() > 0;
	}

	private static BatchRow map(ResultSet rs, int i) throws SQLException {
		return new BatchRow(rs.getLong("id"), rs.getString("title"), RecuperationKind.valueOf(rs.getString("kind")),
				rs.getString("destination"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getInt("capacity"), rs.getBigDecimal("cost_per_person"),
				rs.getString("description"), rs.getLong("owner_org_id"), rs.getString("owner_org_name"),
				rs.getString("owner_org_path"), rs.getString("creator_name"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private static NominationRow mapNomination(ResultSet rs, int i) throws SQLException {
		return new NominationRow(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("person_id"), rs.getString("name"),
				rs.getLong("organ_id"), rs.getString("organ_name"), rs.getString("organ_path"),
				NominationStatus.valueOf(rs.getString("status")), rs.getString("model_worker_ref"),
				rs.getLong("nominator_account_id"), rs.getString("nominator_name"), rs.getObject("nominated_at", OffsetDateTime.class),
				rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answer_note"),
				rs.getObject("attendance_at", OffsetDateTime.class), rs.getInt("version"));
	}
}
