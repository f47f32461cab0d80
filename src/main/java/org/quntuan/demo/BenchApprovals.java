package org.quntuan.demo;

import java.time.Duration;
import java.util.List;

import org.quntuan.approval.ApprovalFlow;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.approval.ApprovalStep;
import org.quntuan.approval.ApproverRule;
import org.quntuan.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's approvals: {@code quntuan.bench.pending-approvals} (50,000) expense requests of the
 * 400 unions, each waiting at its 片组's admins, written set-based in PostgreSQL SQL (the benchmark runs
 * on PostgreSQL only).
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchApprovals {

	static final String SUBJECT_TYPE = "BENCH_EXPENSE";

	private static final Logger log = LoggerFactory.getLogger(BenchApprovals.class);

	/** The flow the benchmark's requests belong to: a union's spending request, decided by its group. */
	@Bean
	ApprovalFlow benchExpenseFlow() {
		return new ApprovalFlow() {

			@Override
			public String subjectType() {
				return SUBJECT_TYPE;
			}

			@Override
			public String label() {
				return "经费支出（测试数据）";
			}

			@Override
			public List<ApprovalStep> steps(ApprovalRequest request) {
				return List.of(ApprovalStep.anyOf("片组审批", ApproverRule.superior(Role.ORG_ADMIN), Duration.ofDays(10)));
			}

			@Override
			public String link(long subjectId) {
				return "/approvals";
			}

			@Override
			public boolean bulkApprovable() {
				return true;
			}
		};
	}

	@Bean
	@Order(90)
	ApplicationRunner benchApprovalData(JdbcClient jdbc, @Value("${quntuan.bench.pending-approvals:50000}") int total) {
		return (ApplicationArguments args) -> {
			if (jdbc.sql("select count(*) from approval where subject_type = :t").param("t", SUBJECT_TYPE).query(Long.class)
				.single() > 0) {
				return;
			}
			long started = System.nanoTime();
			long unions = jdbc.sql("select count(*) from org where type = 'UNION' and active").query(Long.class).single();
			int perUnion = (int) Math.max(1, total / Math.max(1, unions));
			long applicant = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
			jdbc.sql("insert into approval (subject_type, subject_id, title, org_id, org_path, applicant_account_id,"
					+ " applicant_name, status, current_step, created_at, updated_at)"
					+ " select :t, u.id * 100000 + g, u.name || '经费支出申请（第 ' || g || ' 号）', u.id, u.path, :applicant,"
					+ " '演示申请人', 'IN_PROGRESS', 1, now() - make_interval(hours => g), now()"
					+ " from org u cross join generate_series(1, :per) g where u.type = 'UNION' and u.active")
				.param("t", SUBJECT_TYPE).param("applicant", applicant).param("per", perUnion).update();
			jdbc.sql("insert into approval_step (approval_id, seq, name, role, reach, all_required, due_days, status,"
					+ " approver_org_id, approver_org_name, rounds, activated_at, due_at)"
					+ " select a.id, 1, '片组审批', 'ORG_ADMIN', 'SUPERIOR', false, 10, 'ACTIVE', grp.id, grp.name, 1,"
					+ " a.created_at, a.created_at + interval '10 days'"
					+ " from approval a join org grp on grp.type = 'GROUP' and a.org_path like grp.path || '%'"
					+ " where a.subject_type = :t")
				.param("t", SUBJECT_TYPE).update();
			jdbc.sql("insert into approval_assignee (step_id, approval_id, account_id, round, open, assigned_at, due_at)"
					+ " select s.id, s.approval_id, b.account_id, 1, true, s.activated_at, s.due_at from approval_step s"
					+ " join approval a on a.id = s.approval_id"
					+ " join role_binding b on b.org_id = s.approver_org_id and b.role = 'ORG_ADMIN'"
					+ " where a.subject_type = :t")
				.param("t", SUBJECT_TYPE).update();
			jdbc.sql("insert into approval_event (approval_id, action, actor_account_id, actor_name, at)"
					+ " select id, 'SUBMITTED', applicant_account_id, applicant_name, created_at from approval where subject_type = :t")
				.param("t", SUBJECT_TYPE).update();
			log.info("测试审批数据已生成：待审批 {} 件，用时 {} 毫秒",
					jdbc.sql("select count(*) from approval_assignee where open").query(Long.class).single(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		};
	}
}
