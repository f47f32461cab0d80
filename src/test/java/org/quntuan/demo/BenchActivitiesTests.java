package org.quntuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The benchmark's set-based activity generator, at a small size on the test data: whole and consistent. */
@Tag("postgres-only")
class BenchActivitiesTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	@Test
	void theGeneratorWritesEveryActivityWithItsRegistrationsAndCountsThatAgree() throws Exception {
		BenchActivities bench = new BenchActivities(jdbc, jdbcTemplate, tx, clock, dataSource);
		tx.executeWithoutResult(s -> bench.seed(40, 10, 8));
		assertThat(jdbc.sql("select count(*) from activity where title like '基准活动%'").query(Long.class).single())
			.isEqualTo(40);
		assertThat(jdbc.sql("""
				select count(*) from activity_registration r join activity a on a.id = r.activity_id
				where a.title like '基准活动%'""").query(Long.class).single()).isEqualTo(400);
		assertThat(jdbc.sql("""
				select count(*) from activity a where a.title like '基准活动%' and a.confirmed_count <>
				  (select count(*) from activity_registration r where r.activity_id = a.id and r.status = 'CONFIRMED')""")
			.query(Long.class).single()).isZero();
		// every registrant belongs to the organizing group
		assertThat(jdbc.sql("""
				select count(*) from activity_registration r join activity a on a.id = r.activity_id
				join person p on p.id = r.person_id join org o on o.id = p.organ_id
				where a.title like '基准活动%' and o.path not like a.organizer_path || '%'""").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from api_token t where t.token_hash = :h")
			.param("h", ActivityFixturesHash.sha256("bench-member-1")).query(Long.class).single()).isEqualTo(1);
	}

	static final class ActivityFixturesHash {

		static String sha256(String s) throws Exception {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(s.getBytes(StandardCharsets.UTF_8)));
		}
	}
}
