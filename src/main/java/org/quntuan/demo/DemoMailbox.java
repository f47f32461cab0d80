package org.quntuan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.sql.Types;
import java.util.List;

import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters to the chair of 市财政局工会 (orgadmin1's office) and one to the work committee, in every state:
 * an anonymous letter to handle, one assigned, one answered awaiting member1's rating, one rated, one
 * overdue and escalated to the work committee; dated in the last weeks before the clock's today.
 */
@Component
@Profile("demo")
@Order(85)
class DemoMailbox implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoMailbox(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from gov_mailbox_letter").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'orgadmin1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
		long union = jdbc.sql("""
				select u.id from org u join person p on p.organ_id = u.parent_id where p.id = :p and u.type = 'UNION'""")
			.param("p", member1).query(Long.class).single();
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		long office = jdbc.sql("select id from account where username = 'orgadmin1'").query(Long.class).single();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		List<Long> colleagues = jdbc.sql("""
				select p.id from person p join account a on a.person_id = p.id
				where p.organ_id = (select organ_id from person where id = :p) and p.id <> :p and p.active = true
				  and a.username not in ('orgadmin1', 'finance1', 'info1') order by p.id fetch first 3 rows only""")
			.param("p", member1).query(Long.class).list();
		long other = colleagues.isEmpty() ? member1 : colleagues.get(0);

		letter("COMPLAINT", "部门经常在周末临时通知加班，调休却迟迟不能落实，希望工会了解情况。", true, union, other, "SUBMITTED",
				today.minusDays(2), null, null, null);
		letter("WORK", "三楼东侧卫生间水龙头漏水，报修两次仍未修好。", false, union, member1, "ASSIGNED", today.minusDays(5),
				office, null, null);
		letter("WELFARE", "建议今年的春节慰问品增加可选项，由职工自选。", false, union, member1, "REPLIED", today.minusDays(12),
				office, "感谢建议。今年慰问品将提供三种套餐供大家选择，下周发放选择单。", null);
		letter("SUGGESTION", "希望工会在午休时间开放职工书屋。", false, union, colleagues.size() > 1 ? colleagues.get(1) : member1,
				"RATED", today.minusDays(25), office, "书屋已于本月起在午休时间开放，欢迎大家使用。", 5);
		long overdue = letter("RIGHTS", "年度体检项目比往年减少，希望说明原因。", true, union,
				colleagues.size() > 2 ? colleagues.get(2) : member1, "SUBMITTED", today.minusDays(20), null, null, null);
		jdbc.sql("update gov_mailbox_letter set reminded = true, escalated = true where id = :id").param("id", overdue).update();
		letter("SUGGESTION", "建议工委组织一次机关之间的羽毛球联赛。", false, root, member1, "REPLIED", today.minusDays(9), admin,
				"已列入下半年文体活动计划，届时将发通知。", null);
	}

	private String name(Long account) {
		return jdbc.sql("select display_name from account where id = :a").param("a", account).query(String.class).single();
	}

	private long letter(String category, String body, boolean anonymous, long officeOrg, long writer, String status,
			LocalDate writtenOn, Long assignee, String reply, Integer rating) {
		boolean federation = jdbc.sql("select parent_id is null from org where id = :o").param("o", officeOrg)
			.query(Boolean.class).single();
		jdbc.sql("""
				insert into gov_mailbox_letter (category, body, anonymous, to_federation, office_org_id, writer_person_id,
				  status, assignee_account_id, assignee_name, written_on, due_on, reply, replier_name, replied_on, rating,
				  rating_comment, version)
				values (:c, :b, :anon, :fed, :o, :w, :s, :a, (select display_name from account where id = :a), :on, :due,
				  :reply, :replier, :repliedOn, :rating, :comment, 0)""")
			.param("c", category).param("b", body).param("anon", anonymous).param("fed", federation).param("o", officeOrg)
			.param("w", writer).param("s", status).param("a", assignee, Types.BIGINT).param("on", writtenOn)
			.param("due", writtenOn.plusDays(15)).param("reply", reply, Types.VARCHAR)
			.param("replier", reply == null ? null : name(assignee), Types.VARCHAR)
			.param("repliedOn", reply == null ? null : writtenOn.plusDays(4), Types.DATE)
			.param("rating", rating, Types.INTEGER)
			.param("comment", rating == null ? null : "答复及时，问题已解决", Types.VARCHAR)
			.update();
		return jdbc.sql("select id from gov_mailbox_letter where body = :b").param("b", body).query(Long.class).single();
	}
}
