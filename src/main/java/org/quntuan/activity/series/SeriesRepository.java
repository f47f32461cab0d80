package org.quntuan.activity.series;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quarters of the 四季有你 series as the federation plans them. A quarter changes only under {@link #lock}. */
@Repository
class SeriesRepository {

	private final JdbcClient jdbc;

	SeriesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The quarter's id, its row locked until the transaction ends; empty when it is not planned yet. */
	Optional<Long> lock(int year, int quarter) {
		return jdbc.sql("select id from activity_series where year = :y and quarter = :q for update")
			.param("y", year).param("q", quarter).query(Long.class).optional();
	}

	void insert(int year, int quarter, String theme, String description, OffsetDateTime now) {
		jdbc.sql("insert into activity_series (year, quarter, theme, description, created_at, updated_at)"
				+ " values (:y, :q, :t, :d, :now, :now)")
			.param("y", year).param("q", quarter).param("t", theme).param("d", description).param("now", now).update();
	}

	/** Sets the theme and description given; a null keeps the one stored. */
	void update(long id, String theme, String description, OffsetDateTime now) {
		jdbc.sql("update activity_series set theme = coalesce(:t, theme), description = coalesce(:d, description),"
				+ " updated_at = :now, version = version + 1 where id = :id")
			.param("t", theme).param("d", description).param("now", now).param("id", id).update();
	}
}
