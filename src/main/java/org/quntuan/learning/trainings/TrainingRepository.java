package org.quntuan.learning.trainings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Training classes, their audience, sessions, trainees, attendance and certificates. */
@Repository
class TrainingRepository {

	record AudienceRoot(long orgId, String orgPath, Long memberOrganId) {
	}

	record TrainingRow(long id, String title, String description, String place, LocalDate startsOn, LocalDate endsOn,
			AudienceRule audienceRule, QuotaUnit quotaUnit, int quotaPerUnit, int attendancePercent, Long examQuizId,
			Integer examPassScore, TrainingStatus status, long ownerOrgId, String ownerOrgName, String ownerOrgPath,
			String creatorName, OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime finishedAt) {
	}

	record SessionRow(long id, long trainingId, OffsetDateTime startsAt, OffsetDateTime endsAt, String place,
			String topic, String teacher, SessionForm form, String checkinSecret) {
	}

	/** A person as a nomination needs them: their organ and whether they are still on the roll. */
	record Nominee(long personId, String name, long organId, String organName, String organPath, boolean active) {
	}

	/** A trainee with the sessions attended and the certificate, if any. */
	record TraineeRow(long id, long personId, String name, long organId, String organName, long quotaUnitId,
			String quotaUnitName, String nominatorName, OffsetDateTime nominatedAt, int attended, Boolean completed,
			String certificateNumber, String certificateCode) {
	}

	record AttendanceRow(long sessionId, long traineeId, String source, OffsetDateTime checkedInAt, String reason) {
	}

	record CertificateRow(long id, long trainingId, String trainingTitle, LocalDate startsOn, LocalDate endsOn,
			String issuerName, long personId, String number, String code, String holderName, String organName,
			LocalDate issuedOn) {
	}

	private static final String SELECT = """
			select t.*, so.name as owner_org_name, so.path as owner_org_path
			from learning_training t join org so on so.id = t.owner_org_id""";

	private static final String TRAINEES = """
			select tr.id, tr.person_id, p.name, tr.organ_id, organ.name as organ_name, tr.quota_unit_id,
			  unit.name as unit_name, tr.nominator_name, tr.nominated_at, tr.completed,
			  (select count(*) from learning_training_attendance at where at.trainee_id = tr.id) as attended,
			  c.number as cert_number, c.code as cert_code
			from learning_training_trainee tr join person p on p.id = tr.person_id
			  join org organ on organ.id = tr.organ_id join org unit on unit.id = tr.quota_unit_id
			  left join learning_certificate c on c.training_id = tr.training_id and c.person_id = tr.person_id""";

	private static final String CERTIFICATES = """
			select c.*, t.title, t.starts_on, t.ends_on, so.name as issuer_name
			from learning_certificate c join learning_training t on t.id = c.training_id
			  join org so on so.id = t.owner_org_id""";

	private final JdbcClient jdbc;

	private final boolean postgres;

	TrainingRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	long insert(TrainingRow t, String targetsJson, long accountId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_training (title, description, place, starts_on, ends_on, audience_rule, targets_json,
				  quota_unit, quota_per_unit, attendance_percent, exam_quiz_id, exam_pass_score, status, owner_org_id,
				  creator_account_id, creator_name, created_at)
				values (:title, :description, :place, :startsOn, :endsOn, :rule, :targets, :unit, :quota, :share, :quiz,
				  :pass, :status, :owner, :account, :creator, :now)""")
			.param("title", t.title()).param("description", t.description(), Types.VARCHAR).param("place", t.place())
			.param("startsOn", t.startsOn()).param("endsOn", t.endsOn()).param("rule", t.audienceRule().name())
			.param("targets", targetsJson).param("unit", t.quotaUnit().name()).param("quota", t.quotaPerUnit())
			.param("share", t.attendancePercent()).param("quiz", t.examQuizId(), Types.BIGINT)
			.param("pass", t.examPassScore(), Types.INTEGER).param("status", t.status().name())
			.param("owner", t.ownerOrgId()).param("account", accountId).param("creator", t.creatorName())
			.param("now", t.createdAt())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertAudience(long trainingId, List<AudienceRoot> roots) {
		for (AudienceRoot r : roots) {
			jdbc.sql("""
					insert into learning_training_audience (training_id, org_id, org_path, member_organ_id)
					values (:t, :o, :p, :m)""")
				.param("t", trainingId).param("o", r.orgId()).param("p", r.orgPath())
				.param("m", r.memberOrganId(), Types.BIGINT).update();
		}
	}

	long insertSession(long trainingId, TrainingRequest.Session s, SessionForm form, String secret) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_training_session (training_id, starts_at, ends_at, place, topic, teacher, form,
				  checkin_secret)
				values (:t, :startsAt, :endsAt, :place, :topic, :teacher, :form, :secret)""")
			.param("t", trainingId).param("startsAt", s.startsAt()).param("endsAt", s.endsAt()).param("place", s.place().strip())
			.param("topic", s.topic().strip()).param("teacher", s.teacher().strip()).param("form", form.name()).param("secret", secret)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<TrainingRow> find(long id) {
		return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(TrainingRepository::map).optional();
	}

	/** The class, locked until the end of the transaction: nominations against one quota queue here. */
	Optional<TrainingRow> lock(long id) {
		jdbc.sql("select id from learning_training where id = :id for " + (postgres ? "no key update" : "update"))
			.param("id", id).query(Long.class).optional();
		return find(id);
	}

	void setStatus(long id, TrainingStatus status, OffsetDateTime now) {
		String column = status == TrainingStatus.CONFIRMED ? "confirmed_at" : "finished_at";
		jdbc.sql("update learning_training set status = :status, " + column + " = :now, version = version + 1 where id = :id")
			.param("status", status.name()).param("now", now).param("id", id).update();
	}

	List<AudienceRoot> audience(long trainingId) {
		return jdbc.sql("select org_id, org_path, member_organ_id from learning_training_audience where training_id = :t")
			.param("t", trainingId)
			.query((rs, i) -> new AudienceRoot(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class)))
			.list();
	}

	List<SessionRow> sessions(long trainingId) {
		return jdbc.sql("select * from learning_training_session where training_id = :t order by starts_at, id")
			.param("t", trainingId).query(TrainingRepository::mapSession).list();
	}

	Optional<SessionRow> findSession(long sessionId) {
		return jdbc.sql("select * from learning_training_session where id = :id").param("id", sessionId)
			.query(TrainingRepository::mapSession).optional();
	}

	Optional<Nominee> nominee(long personId) {
		return jdbc.sql("""
				select p.id, p.name, p.organ_id, organ.name as organ_name, organ.path as organ_path, p.active
				from person p join org organ on organ.id = p.organ_id where p.id = :id""")
			.param("id", personId)
			.query((rs, i) -> new Nominee(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
					rs.getString("organ_name"), rs.getString("organ_path"), rs.getBoolean("active")))
			.optional();
	}

	/** Whether the person is among those the condition over {@code person p} admits. */
	boolean personMatches(long personId, SqlCondition people) {
		return jdbc.sql("select count(*) from person p where p.id = :person and " + people.sql())
			.params(people.paramsWith("person", personId)).query(Long.class).single() > 0;
	}

	/** The 片组 whose subtree holds the organ. */
	Optional<Long> groupOf(String organPath) {
		return jdbc.sql("select g.id from org g where g.type = 'GROUP' and :path like g.path || '%' order by g.path desc")
			.param("path", organPath).query(Long.class).optional();
	}

	int countInUnit(long trainingId, long unitId) {
		return jdbc.sql("select count(*) from learning_training_trainee where training_id = :t and quota_unit_id = :u")
			.param("t", trainingId).param("u", unitId).query(Integer.class).single();
	}

	/** Per quota unit (organ or 片组), its name and how many of the class's trainees it has, by name. */
	List<Map.Entry<String, Integer>> quotaUse(long trainingId) {
		return jdbc.sql("""
				select u.name, count(*) from learning_training_trainee tr join org u on u.id = tr.quota_unit_id
				where tr.training_id = :t group by u.id, u.name, u.path order by u.path""")
			.param("t", trainingId).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
	}

	String orgName(long orgId) {
		return jdbc.sql("select name from org where id = :id").param("id", orgId).query(String.class).single();
	}

	long insertTrainee(long trainingId, Nominee n, long unitId, long accountId, String nominatorName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_training_trainee (training_id, person_id, organ_id, quota_unit_id,
				  nominator_account_id, nominator_name, nominated_at)
				values (:t, :person, :organ, :unit, :account, :name, :now)""")
			.param("t", trainingId).param("person", n.personId()).param("organ", n.organId()).param("unit", unitId)
			.param("account", accountId).param("name", nominatorName).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	int deleteTrainee(long traineeId) {
		return jdbc.sql("delete from learning_training_trainee where id = :id").param("id", traineeId).update();
	}

	/** The trainees the condition over {@code person p} admits, by organ and name. */
	List<TraineeRow> trainees(long trainingId, SqlCondition people) {
		return jdbc.sql(TRAINEES + " where tr.training_id = :training and " + people.sql()
				+ " order by organ.path, p.name_pinyin, p.id")
			.params(people.paramsWith("training", trainingId)).query(TrainingRepository::mapTrainee).list();
	}

	Optional<TraineeRow> trainee(long trainingId, long personId) {
		return jdbc.sql(TRAINEES + " where tr.training_id = :training and tr.person_id = :person")
			.param("training", trainingId).param("person", personId).query(TrainingRepository::mapTrainee).optional();
	}

	Optional<TraineeRow> traineeById(long traineeId) {
		return jdbc.sql(TRAINEES + " where tr.id = :id").param("id", traineeId).query(TrainingRepository::mapTrainee)
			.optional();
	}

	/** @return false if the trainee had already checked in to the session */
	boolean checkIn(long sessionId, long traineeId, OffsetDateTime now) {
		return jdbc.sql("""
				insert into learning_training_attendance (session_id, trainee_id, source, checked_in_at)
				select :s, :tr, 'QR', :now
				where not exists (select 1 from learning_training_attendance where session_id = :s and trainee_id = :tr)""")
			.param("s", sessionId).param("tr", traineeId).param("now", now).update() > 0;
	}

	Optional<AttendanceRow> attendance(long sessionId, long traineeId) {
		return jdbc.sql("select * from learning_training_attendance where session_id = :s and trainee_id = :tr")
			.param("s", sessionId).param("tr", traineeId)
			.query((rs, i) -> new AttendanceRow(rs.getLong("session_id"), rs.getLong("trainee_id"), rs.getString("source"),
					rs.getObject("checked_in_at", OffsetDateTime.class), rs.getString("reason")))
			.optional();
	}

	void markPresent(long sessionId, long traineeId, String reason, OffsetDateTime now) {
		jdbc.sql("delete from learning_training_attendance where session_id = :s and trainee_id = :tr")
			.param("s", sessionId).param("tr", traineeId).update();
		jdbc.sql("""
				insert into learning_training_attendance (session_id, trainee_id, source, checked_in_at, reason)
				values (:s, :tr, 'MANUAL', :now, :reason)""")
			.param("s", sessionId).param("tr", traineeId).param("now", now).param("reason", reason).update();
	}

	int markAbsent(long sessionId, long traineeId) {
		return jdbc.sql("delete from learning_training_attendance where session_id = :s and trainee_id = :tr")
			.param("s", sessionId).param("tr", traineeId).update();
	}

	/** Session id → trainee ids present, for the roster's grid. */
	List<AttendanceRow> attendanceOf(long trainingId) {
		return jdbc.sql("""
				select at.* from learning_training_attendance at join learning_training_session s on s.id = at.session_id
				where s.training_id = :t""")
			.param("t", trainingId)
			.query((rs, i) -> new AttendanceRow(rs.getLong("session_id"), rs.getLong("trainee_id"), rs.getString("source"),
					rs.getObject("checked_in_at", OffsetDateTime.class), rs.getString("reason")))
			.list();
	}

	void setCompleted(long traineeId, boolean completed) {
		jdbc.sql("update learning_training_trainee set completed = :c where id = :id").param("c", completed)
			.param("id", traineeId).update();
	}

	int certificateCount(long trainingId) {
		return jdbc.sql("select count(*) from learning_certificate where training_id = :t").param("t", trainingId)
			.query(Integer.class).single();
	}

	void insertCertificate(long trainingId, long personId, String number, String code, String holderName,
			String organName, LocalDate issuedOn, OffsetDateTime now) {
		jdbc.sql("""
				insert into learning_certificate (training_id, person_id, number, code, holder_name, organ_name, issued_on,
				  issued_at)
				values (:t, :p, :number, :code, :holder, :organ, :on, :now)""")
			.param("t", trainingId).param("p", personId).param("number", number).param("code", code)
			.param("holder", holderName).param("organ", organName).param("on", issuedOn).param("now", now).update();
	}

	Optional<CertificateRow> certificateByCode(String code) {
		return jdbc.sql(CERTIFICATES + " where c.code = :code").param("code", code)
			.query(TrainingRepository::mapCertificate).optional();
	}

	List<CertificateRow> certificatesOf(long personId) {
		return jdbc.sql(CERTIFICATES + " where c.person_id = :p order by c.issued_at desc, c.id desc").param("p", personId)
			.query(TrainingRepository::mapCertificate).list();
	}

	/** Classes the person is a trainee of, newest first. */
	List<TrainingRow> ofTrainee(long personId) {
		return jdbc.sql(SELECT + " where exists (select 1 from learning_training_trainee tr where tr.training_id = t.id"
				+ " and tr.person_id = :p) order by t.starts_on desc, t.id desc")
			.param("p", personId).query(TrainingRepository::map).list();
	}

	/** Classes whose owner or audience meets the caller's admin grants ({@code paths}), newest first. */
	List<TrainingRow> reaching(List<String> paths, int limit) {
		if (paths.isEmpty()) {
			return List.of();
		}
		StringBuilder any = new StringBuilder();
		JdbcClient.StatementSpec spec;
		for (int i = 0; i < paths.size(); i++) {
			any.append(i == 0 ? "" : " or ").append("so.path like :g").append(i).append(" || '%' or exists (select 1 from")
				.append(" learning_training_audience au where au.training_id = t.id and (au.org_path like :g").append(i)
				.append(" || '%' or :g").append(i).append(" like au.org_path || '%'))");
		}
		spec = jdbc.sql(SELECT + " where (" + any + ") order by t.starts_on desc, t.id desc fetch first :limit rows only");
		for (int i = 0; i < paths.size(); i++) {
			spec = spec.param("g" + i, paths.get(i));
		}
		return spec.param("limit", limit).query(TrainingRepository::map).list();
	}

	/** Trainees who completed a class that finished in the period, per person (for the study figures). */
	List<CertificateRow> certificatesIssued(OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql(CERTIFICATES + " where c.issued_at >= :from and c.issued_at < :to").param("from", from)
			.param("to", to).query(TrainingRepository::mapCertificate).list();
	}

	private static TrainingRow map(ResultSet rs, int i) throws SQLException {
		return new TrainingRow(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getString("place"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				AudienceRule.valueOf(rs.getString("audience_rule")), QuotaUnit.valueOf(rs.getString("quota_unit")),
				rs.getInt("quota_per_unit"), rs.getInt("attendance_percent"), rs.getObject("exam_quiz_id", Long.class),
				rs.getObject("exam_pass_score", Integer.class), TrainingStatus.valueOf(rs.getString("status")),
				rs.getLong("owner_org_id"), rs.getString("owner_org_name"), rs.getString("owner_org_path"),
				rs.getString("creator_name"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
	}

	private static SessionRow mapSession(ResultSet rs, int i) throws SQLException {
		return new SessionRow(rs.getLong("id"), rs.getLong("training_id"), rs.getObject("starts_at", OffsetDateTime.class),
				rs.getObject("ends_at", OffsetDateTime.class), rs.getString("place"), rs.getString("topic"),
				rs.getString("teacher"), SessionForm.valueOf(rs.getString("form")), rs.getString("checkin_secret"));
	}

	private static TraineeRow mapTrainee(ResultSet rs, int i) throws SQLException {
		return new TraineeRow(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"), rs.getLong("organ_id"),
				rs.getString("organ_name"), rs.getLong("quota_unit_id"), rs.getString("unit_name"),
				rs.getString("nominator_name"), rs.getObject("nominated_at", OffsetDateTime.class), rs.getInt("attended"),
				rs.getObject("completed", Boolean.class), rs.getString("cert_number"), rs.getString("cert_code"));
	}

	private static CertificateRow mapCertificate(ResultSet rs, int i) throws SQLException {
		return new CertificateRow(rs.getLong("id"), rs.getLong("training_id"), rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("issuer_name"), rs.getLong("person_id"), rs.getString("number"), rs.getString("code"),
				rs.getString("holder_name"), rs.getString("organ_name"), rs.getObject("issued_on", LocalDate.class));
	}
}
