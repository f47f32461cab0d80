package org.quntuan.care.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The yearly plans of the pairs (共建项目) and their progress entries. */
@Repository
class PlanRepository {

	record ItemRow(long id, long pairId, int year, String title, LocalDate plannedOn, String who) {
	}

	record ProgressRow(long id, long planItemId, LocalDate happenedOn, String note, Long photoFileId, String authorName,
			OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertItem(long pairId, String title, LocalDate plannedOn, String who, String creator, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_pair_plan_item (pair_id, plan_year, title, planned_on, who_text, creator_name, created_at)
				values (:pair, :year, :title, :on, :who, :creator, :now)""")
			.param("pair", pairId).param("year", plannedOn.getYear()).param("title", title).param("on", plannedOn)
			.param("who", who).param("creator", creator).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ItemRow> item(long id) {
		return jdbc.sql("select * from care_pair_plan_item where id = :id").param("id", id).query(PlanRepository::item)
			.optional();
	}

	List<ItemRow> items(long pairId, int year) {
		return jdbc.sql("select * from care_pair_plan_item where pair_id = :pair and plan_year = :year order by planned_on, id")
			.param("pair", pairId).param("year", year).query(PlanRepository::item).list();
	}

	long insertProgress(long itemId, LocalDate happenedOn, String note, String author, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_pair_progress (plan_item_id, happened_on, note, author_name, created_at)
				values (:item, :on, :note, :author, :now)""")
			.param("item", itemId).param("on", happenedOn).param("note", note).param("author", author).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setPhoto(long progressId, long fileId) {
		jdbc.sql("update care_pair_progress set photo_file_id = :f where id = :id").param("f", fileId)
			.param("id", progressId).update();
	}

	Optional<ProgressRow> progress(long id) {
		return jdbc.sql("select * from care_pair_progress where id = :id").param("id", id).query(PlanRepository::progress)
			.optional();
	}

	/** The progress of the year's plan items of a pair, by item and date. */
	List<ProgressRow> progressOf(long pairId, int year) {
		return jdbc.sql("""
				select g.* from care_pair_progress g join care_pair_plan_item i on i.id = g.plan_item_id
				where i.pair_id = :pair and i.plan_year = :year order by g.plan_item_id, g.happened_on, g.id""")
			.param("pair", pairId).param("year", year).query(PlanRepository::progress).list();
	}

	private static ItemRow item(ResultSet rs, int i) throws SQLException {
		return new ItemRow(rs.getLong("id"), rs.getLong("pair_id"), rs.getInt("plan_year"), rs.getString("title"),
				rs.getObject("planned_on", LocalDate.class), rs.getString("who_text"));
	}

	private static ProgressRow progress(ResultSet rs, int i) throws SQLException {
		return new ProgressRow(rs.getLong("id"), rs.getLong("plan_item_id"), rs.getObject("happened_on", LocalDate.class),
				rs.getString("note"), rs.getObject("photo_file_id", Long.class), rs.getString("author_name"),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
