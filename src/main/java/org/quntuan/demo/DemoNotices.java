package org.quntuan.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A handful of notices (pinned, public, read in part, one withdrawn) and two material-collection
 * tasks of 第一片组's unions with submissions in every state: one open, one past its deadline.
 */
@Component
@Profile("demo")
@Order(50)
class DemoNotices implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private record Org(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final FileStorage files;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final long seed;

	DemoNotices(JdbcClient jdbc, JdbcTemplate jdbcTemplate, FileStorage files, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.files = files;
		this.clock = clock;
		this.tx = tx;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from notice").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> seed());
		log.info("演示数据：通知公告与材料报送，用时 {} 毫秒", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void seed() {
		Random random = new Random(seed);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
		Long admin = account("admin");
		Long group1 = account("group1");
		Long orgadmin1 = account("orgadmin1");
		if (admin == null) {
			return;
		}
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only").query(Long.class).single();
		List<Org> unions = massOrgs("/%", "UNION");
		List<Org> all = massOrgs("/%", null);
		String group1Path = jdbc.sql("select path from org where name = '第一片组'").query(String.class).optional().orElse(null);
		List<Org> group1Orgs = group1Path == null ? List.of() : massOrgs(group1Path + "%", null);
		List<Org> group1Unions = group1Path == null ? List.of() : massOrgs(group1Path + "%", "UNION");

		notice("关于开展2026年元旦春节“送温暖”活动的通知", """
				<p>各基层工会：</p><p>为切实做好元旦春节期间困难职工帮扶工作，现就开展“送温暖”活动有关事项通知如下：</p>
				<ol><li>摸清困难职工底数，建立帮扶台账；</li><li>1月20日前完成走访慰问；</li><li>慰问情况于1月25日前报市直机关工委。</li></ol>""",
				"{\"orgType\":\"UNION\"}", admin, "工委管理员", root, true, true, null, now.minusDays(3), unions, 0.6,
				orgadmin1, random);
		notice("关于做好元旦春节期间安全生产工作的通知", "<p>各单位要落实安全生产责任，节前开展一次安全检查。</p>",
				"{\"all\":true}", admin, "工委管理员", root, false, false, null, now.minusDays(6), all, 0.8, orgadmin1, random);
		notice("关于征集职工书画摄影作品的通知", "<p>为展示机关干部职工精神风貌，现征集书画、摄影作品，截至下月底。</p>",
				"{\"all\":true}", admin, "工委管理员", root, false, true, now.plusDays(30), now.minusDays(1), all, 0.3,
				null, random);
		long withdrawn = notice("关于调整业务培训时间的通知", "<p>原定本周五的业务培训调整至下周三。</p>", "{\"all\":true}", admin,
				"工委管理员", root, false, false, null, now.minusDays(2), all, 0.1, null, random);
		jdbc.sql("update notice set withdrawn_at = :t, withdrawn_by = :a, withdraw_reason = '培训时间另行通知' where id = :id")
			.param("t", now.minusDays(1)).param("a", admin).param("id", withdrawn).update();
		if (group1 != null && !group1Orgs.isEmpty()) {
			long group1Id = jdbc.sql("select id from org where name = '第一片组'").query(Long.class).single();
			notice("第一片组关于召开季度工作例会的通知", "<p>定于下周二上午9时在市财政局三楼会议室召开片组季度工作例会。</p>",
					"{\"groupIds\":[" + group1Id + "]}", group1, "第一片组管理员", group1Id, false, false, now.plusDays(10),
					now.minusHours(5), group1Orgs, 0.5, null, random);
		}
		if (!group1Unions.isEmpty()) {
			collections(admin, root, group1Unions, now, random);
		}
	}

	private long notice(String title, String body, String targets, long sender, String senderName, long senderOrg,
			boolean pinned, boolean isPublic, OffsetDateTime expires, OffsetDateTime created, List<Org> orgs,
			double readShare, Long firstReader, Random random) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notice (title, body, targets_json, sender_account_id, sender_name, sender_org_id, pinned,
				  is_public, expires_at, created_at)
				values (:title, :body, :targets, :sender, :name, :org, :pinned, :public, :expires, :created)""")
			.param("title", title).param("body", body.strip()).param("targets", targets).param("sender", sender)
			.param("name", senderName).param("org", senderOrg).param("pinned", pinned).param("public", isPublic)
			.param("expires", expires, Types.TIMESTAMP_WITH_TIMEZONE).param("created", created)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < orgs.size(); i++) {
			boolean read = i == 0 && firstReader != null ? false : random.nextDouble() < readShare;
			rows.add(new Object[] { id, orgs.get(i).id(), read ? created.plusMinutes(30 + random.nextInt(2000)) : null,
					read ? "组织管理员" : null });
		}
		jdbcTemplate.batchUpdate("insert into notice_target (notice_id, org_id, read_at, read_by_name) values (?, ?, ?, ?)",
				rows);
		return id;
	}

	private void collections(long admin, long root, List<Org> unions, OffsetDateTime now, Random random) {
		long open = task("2026年度工会工作总结报送", "请各基层工会报送2026年度工作总结（PDF 或 Word，加盖公章），不超过3000字。",
				now.plusDays(10), "ALLOW_LATE_MARKED", admin, root, now.minusDays(2), unions);
		long closed = task("职工之家建设情况统计表", "请按模板填写职工之家建设情况统计表（Excel），逾期不再接收。", now.minusDays(2),
				"REFUSE_LATE", admin, root, now.minusDays(15), unions);
		String[] openStates = { "SUBMITTED", "ACCEPTED", "RETURNED", null };
		String[] closedStates = { "ACCEPTED", "ACCEPTED", "RETURNED", null };
		for (int i = 0; i < unions.size(); i++) {
			submission(open, unions.get(i), openStates[i % openStates.length], now.minusDays(1).minusHours(i), false, admin);
			submission(closed, unions.get(i), closedStates[i % closedStates.length], now.minusDays(4).minusHours(i),
					i % 5 == 4, admin);
		}
	}

	private long task(String title, String instructions, OffsetDateTime deadline, String policy, long sender, long org,
			OffsetDateTime created, List<Org> targets) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into collection_task (title, instructions, deadline, late_policy, allowed_kinds, targets_json,
				  sender_account_id, sender_name, sender_org_id, created_at)
				values (:title, :instructions, :deadline, :policy, 'PDF,DOCX,XLSX,PNG,JPEG', '{"orgType":"UNION"}',
				  :sender, '工委管理员', :org, :created)""")
			.param("title", title).param("instructions", instructions).param("deadline", deadline).param("policy", policy)
			.param("sender", sender).param("org", org).param("created", created).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbcTemplate.batchUpdate("insert into collection_target (task_id, org_id) values (?, ?)",
				targets.stream().map(t -> new Object[] { id, t.id() }).toList());
		return id;
	}

	private void submission(long task, Org org, String status, OffsetDateTime at, boolean late, long reviewer) {
		if (status == null) {
			return;
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into collection_submission (task_id, org_id, status, late, first_submitted_at, submitted_at,
				  submitted_by, submitted_by_name, reviewed_at, reviewed_by, return_reason)
				values (:t, :o, :s, :late, :at, :at, :by, '组织管理员', :rat, :rby, :reason)""")
			.param("t", task).param("o", org.id()).param("s", status).param("late", late).param("at", at)
			.param("by", reviewer).param("rat", "SUBMITTED".equals(status) ? null : at.plusHours(3), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("rby", "SUBMITTED".equals(status) ? null : reviewer, Types.BIGINT)
			.param("reason", "RETURNED".equals(status) ? "缺少单位盖章，请补充后重新报送" : null, Types.VARCHAR)
			.update(keys, "id");
		long submission = keys.getKey().longValue();
		var file = files.store("COLLECTION_SUBMISSION", task, org.name() + "-材料.pdf", new ByteArrayInputStream(PDF),
				PDF.length, EnumSet.of(FileKind.PDF));
		jdbc.sql("insert into collection_file (file_id, submission_id, uploaded_at) values (:f, :s, :at)")
			.param("f", file.id()).param("s", submission).param("at", at).update();
	}

	private List<Org> massOrgs(String pathLike, String type) {
		return jdbc.sql("select id, name from org where active = true and path like :p and type in ('UNION', 'LEAGUE', 'WOMEN')"
				+ (type == null ? "" : " and type = :type") + " order by path")
			.param("p", pathLike).params(type == null ? Map.of() : Map.of("type", type))
			.query((rs, i) -> new Org(rs.getLong(1), rs.getString(2))).list();
	}

	private Long account(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).optional()
			.orElse(null);
	}
}
