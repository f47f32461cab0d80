package org.quntuan.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of the person table joined with its organ's name. */
record PersonRow(long id, String name, String namePinyin, Gender gender, LocalDate birthDate, String idNumber,
		String mobile, long organId, String organName, String position, PoliticalStatus politicalStatus,
		UnionStatus unionStatus, LocalDate unionJoinedOn, EmploymentStatus employmentStatus, boolean active,
		OffsetDateTime updatedAt, int version) {

	static final String SELECT = """
			select p.id, p.name, p.name_pinyin, p.gender, p.birth_date, p.id_number, p.mobile, p.organ_id,
			       o.name as organ_name, p.position, p.political_status, p.union_status, p.union_joined_on,
			       p.employment_status, p.active, p.updated_at, p.version
			from person p join org o on o.id = p.organ_id
			""";

	static PersonRow map(ResultSet rs, int row) throws SQLException {
		return new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("name_pinyin"),
				Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
				rs.getString("id_number"), rs.getString("mobile"), rs.getLong("organ_id"), rs.getString("organ_name"),
				rs.getString("position"), PoliticalStatus.valueOf(rs.getString("political_status")),
				UnionStatus.valueOf(rs.getString("union_status")), rs.getObject("union_joined_on", LocalDate.class),
				EmploymentStatus.valueOf(rs.getString("employment_status")), rs.getBoolean("active"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
	}
}
