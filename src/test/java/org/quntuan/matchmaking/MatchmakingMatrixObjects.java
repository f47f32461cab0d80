package org.quntuan.matchmaking;

import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the matchmaking endpoints on, made once straight
 * in the database: a profile waiting for review of a person of 市财政局 (own: its union is orgadmin1's) and one of
 * 市教育局 (sibling), neither of a demo account. The interest endpoints get an interest between the two, which
 * none of the demo accounts may answer.
 */
public final class MatchmakingMatrixObjects {

	private MatchmakingMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		if (endpoint.contains("/photos/{id}")) {
			return 999_999_999L;
		}
		long ownProfile = profile(jdbc, "市财政局");
		long siblingProfile = profile(jdbc, "市教育局");
		if (endpoint.contains("/interests/{id}")) {
			long from = own ? siblingProfile : ownProfile;
			long to = own ? ownProfile : siblingProfile;
			Long id = jdbc.sql("select id from matchmaking_interest where from_profile_id = :f and to_profile_id = :t")
				.param("f", from).param("t", to).query(Long.class).optional().orElse(null);
			if (id == null) {
				jdbc.sql("""
						insert into matchmaking_interest (from_profile_id, to_profile_id, status, created_at)
						values (:f, :t, 'PENDING', :now)""")
					.param("f", from).param("t", to).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
				id = jdbc.sql("select id from matchmaking_interest where from_profile_id = :f and to_profile_id = :t")
					.param("f", from).param("t", to).query(Long.class).single();
			}
			return id;
		}
		return own ? ownProfile : siblingProfile;
	}

	/** A pending profile of a person of the organ who has none and is no named demo account. */
	private static long profile(JdbcClient jdbc, String organ) {
		String nickname = "矩阵测试" + organ;
		Long id = jdbc.sql("select id from matchmaking_profile where nickname = :n").param("n", nickname).query(Long.class)
			.optional().orElse(null);
		if (id != null) {
			return id;
		}
		long person = jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id where o.name = :organ and p.active = true
				  and not exists (select 1 from matchmaking_profile mp where mp.person_id = p.id)
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1', 'orgadmin2', 'auditor1', 'group1', 'group2'))
				order by p.id fetch first 1 rows only""")
			.param("organ", organ).query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		jdbc.sql("""
				insert into matchmaking_profile (person_id, organ_id, gender, nickname, birth_year, height, education, hometown,
				  hobbies, intro, pref_tags, status, listed, created_at, updated_at)
				select p.id, p.organ_id, p.gender, :n, 1995, 170, 'BACHELOR', '矩阵', ',读书,', '矩阵测试', '', 'PENDING', false,
				  :now, :now from person p where p.id = :p""")
			.param("n", nickname).param("now", now).param("p", person).update();
		return jdbc.sql("select id from matchmaking_profile where nickname = :n").param("n", nickname).query(Long.class)
			.single();
	}
}
