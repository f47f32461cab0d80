package org.quntuan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This year's 四季有你 series, four quarters, and about two thirds of the year's demo activities
 * (those of the activity runner, @Order(30)) linked to the quarter they start in.
 */
@Component
@Profile("demo")
@Order(40)
class DemoSeries implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeries.class);

	private static final String[][] QUARTERS = {
			{ "春之声", "三八妇女节专题讲座、女职工瑜伽课、春季健步走，倾听春天的声音。" },
			{ "夏之情", "青年联谊、志愿服务、五四青年节主题实践，挥洒夏日的热情。" },
			{ "秋之韵", "机关文化艺术节：书画摄影展、合唱比赛、趣味运动会，品味秋天的韵致。" },
			{ "冬之暖", "健康讲座、走访慰问困难职工、冬季长跑，传递冬日的温暖。" } };

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoSeries(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from activity_series").query(Long.class).single() > 0) {
			return;
		}
		tx.executeWithoutResult(s -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int year = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		long[] ids = new long[4];
		for (int q = 0; q < 4; q++) {
			jdbc.sql("insert into activity_series (year, quarter, theme, description, created_at, updated_at)"
					+ " values (:y, :q, :t, :d, :now, :now)")
				.param("y", year).param("q", q + 1).param("t", QUARTERS[q][0]).param("d", QUARTERS[q][1])
				.param("now", now).update();
			ids[q] = jdbc.sql("select id from activity_series where year = :y and quarter = :q").param("y", year)
				.param("q", q + 1).query(Long.class).single();
		}
		OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		OffsetDateTime to = from.plusYears(1);
		Random random = new Random(20261128L);
		List<Object[]> links = new ArrayList<>();
		jdbc.sql("select id, start_at from activity where series_id is null and club_id is null and start_at >= :f"
				+ " and start_at < :t order by id")
			.param("f", from).param("t", to)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getObject(2, OffsetDateTime.class) }).list()
			.forEach(a -> {
				if (random.nextInt(3) < 2) {
					int month = ((OffsetDateTime) a[1]).atZoneSameInstant(Zones.BUSINESS).getMonthValue();
					links.add(new Object[] { ids[(month - 1) / 3], a[0] });
				}
			});
		batch.batchUpdate("update activity set series_id = ? where id = ?", links);
		log.info("四季有你演示数据：{} 年四个季度，关联活动 {} 项", year, links.size());
	}
}
