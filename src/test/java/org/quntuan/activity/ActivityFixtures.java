package org.quntuan.activity;

import org.quntuan.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Members made straight in the database for activity tests: a person, an account and a bearer
 * token each, so that hundreds can register at once without signing in one by one.
 */
public final class ActivityFixtures {

	/** A member as tests use them: whose registration it is and how they call the API. */
	public record Member(long personId, long accountId, String bearer) {
	}

	private static final AtomicLong SEQ = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L));

	private ActivityFixtures() {
	}

	/** A new organ of its own under a group, so that the people made here change no other organ's counts. */
	public static long organ(JdbcClient jdbc, String groupName) {
		long n = SEQ.incrementAndGet();
		var group = jdbc.sql("select id, path, depth from org where name = :n").param("n", groupName)
			.query((rs, i) -> new Object[] { rs.getLong("id"), rs.getString("path"), rs.getInt("depth") }).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into org (parent_id, type, name, name_pinyin, path, depth, sort_order, active, created_at, version)
				values (:parent, 'ORGAN', :name, 'huodongceshi', :tmp, :depth, 0, true, :now, 0)""")
			.param("parent", group[0]).param("name", "活动测试单位" + n).param("tmp", "/tmp-" + n + "/")
			.param("depth", (Integer) group[2] + 1).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("update org set path = :p where id = :id").param("p", group[1] + String.valueOf(id) + "/")
			.param("id", id).update();
		return id;
	}

	public static List<Member> members(JdbcClient jdbc, long organId, int count, String gender, LocalDate birthDate) {
		List<Member> result = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		for (int i = 0; i < count; i++) {
			long n = SEQ.incrementAndGet();
			String mobile = "199" + String.format("%08d", n % 100_000_000L);
			String idNumber = "990000" + String.format("%012d", n);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
					  mobile_reversed, active_mobile, organ_id, political_status, union_status, employment_status, active,
					  created_at, updated_at, version)
					values (:name, 'ceshi', 'cs', :gender, :birth, :idn, :mobile, :rev, :mobile, :organ, 'MASSES', 'MEMBER',
					  'IN_SERVICE', true, :now, :now, 0)""")
				.param("name", "测试" + n).param("gender", gender).param("birth", birthDate).param("idn", idNumber)
				.param("mobile", mobile).param("rev", new StringBuilder(mobile).reverse().toString())
				.param("organ", organId).param("now", now).update(keys, "id");
			long personId = keys.getKey().longValue();
			keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
					  must_change_password, created_at, version)
					values (:u, '{noop}x', :name, :p, true, 0, false, :now, 0)""")
				.param("u", "act" + n).param("name", "测试" + n).param("p", personId).param("now", now)
				.update(keys, "id");
			long accountId = keys.getKey().longValue();
			String token = "activity-test-" + n + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
			jdbc.sql("insert into api_token (token_hash, account_id, created_at, expires_at) values (:h, :a, :now, :exp)")
				.param("h", sha256(token)).param("a", accountId).param("now", now).param("exp", now.plusDays(1))
				.update();
			result.add(new Member(personId, accountId, "Bearer " + token));
		}
		return result;
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
