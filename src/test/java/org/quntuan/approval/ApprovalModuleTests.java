package org.quntuan.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.audit.AuditLog;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.DataScope;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Role;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The approval module started on its own (Spring Modulith's module test): only its beans and two
 * flows of its own, an empty database of its own; the modules it calls (identity's approver directory
 * and the caller, notification, audit) are mocked. Runs in the H2 lane.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import({ TestClock.class, ApprovalModuleTests.Flows.class })
@Tag("integration")
@Tag("h2-only")
class ApprovalModuleTests {

	static final String ONE_STEP = "MODULE_TEST_ONE_STEP";

	static final String TWO_STEPS = "MODULE_TEST_TWO_STEPS";

	/** The flows, and a listener standing for the subject module (its own list: not the suite's Flows.DECIDED). */
	@TestConfiguration(proxyBeanMethods = false)
	static class Flows {

		static final List<ApprovalDecided> DECIDED = new CopyOnWriteArrayList<>();

		@Bean
		ApprovalFlow moduleTestOneStep() {
			return new TestFlows.Flow(ONE_STEP, "模块测试（一级）",
					List.of(ApprovalStep.anyOf("上级审批", ApproverRule.superior(Role.ORG_ADMIN), Duration.ofDays(3))), false);
		}

		@Bean
		ApprovalFlow moduleTestTwoSteps() {
			return new TestFlows.Flow(TWO_STEPS, "模块测试（两级）",
					List.of(ApprovalStep.anyOf("片组审批", ApproverRule.superior(Role.ORG_ADMIN), null),
							ApprovalStep.anyOf("工委审批", ApproverRule.federation(), null)),
					false);
		}

		@Bean
		Subject moduleTestSubject() {
			return new Subject();
		}
	}

	static class Subject {

		@EventListener
		void on(ApprovalDecided event) {
			Flows.DECIDED.add(event);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:approval-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH,DAY,VALUE,KEY;DB_CLOSE_DELAY=-1");
	}

	@MockitoBean
	CurrentUserProvider users;

	@MockitoBean
	ApproverDirectory directory;

	@MockitoBean
	Notifications notifications;

	@MockitoBean
	AuditLog audit;

	@Autowired
	ApprovalManagement management;

	@Autowired
	JdbcClient jdbc;

	private long org;

	private String orgPath;

	private long applicant;

	private long groupAdmin;

	private long federationAdmin;

	@BeforeEach
	void organizationAndAccounts() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long root = insertOrg(null, "COMMITTEE", "市直机关工委" + tag, "/r" + tag + "/", 0);
		org = insertOrg(root, "ORGAN", "市财政局" + tag, "/r" + tag + "/o/", 1);
		orgPath = "/r" + tag + "/o/";
		applicant = insertAccount("applicant" + tag, "申请人");
		groupAdmin = insertAccount("group" + tag, "片组管理员");
		federationAdmin = insertAccount("admin" + tag, "工委管理员");
		given(directory.resolve(eq(ApproverRule.superior(Role.ORG_ADMIN)), eq(orgPath), anySet()))
			.willReturn(Optional.of(new ApproverDirectory.Approvers(root, "第一片组", List.of(groupAdmin))));
		given(directory.resolve(eq(ApproverRule.federation()), eq(orgPath), anySet()))
			.willReturn(Optional.of(new ApproverDirectory.Approvers(root, "市直机关工委", List.of(federationAdmin))));
	}

	private long insertOrg(Long parent, String type, String name, String path, int depth) {
		jdbc.sql("insert into org (parent_id, type, name, name_pinyin, path, depth, created_at)"
				+ " values (:p, :t, :n, '', :path, :d, :now)")
			.param("p", parent).param("t", type).param("n", name).param("path", path).param("d", depth)
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		return jdbc.sql("select id from org where path = :path").param("path", path).query(Long.class).single();
	}

	private long insertAccount(String username, String displayName) {
		jdbc.sql("insert into account (username, password_hash, display_name, created_at) values (:u, '{noop}x', :d, :now)")
			.param("u", username).param("d", displayName).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private void signedIn(long accountId, String name) {
		CurrentUser user = new CurrentUser(accountId, "u" + accountId, name, null, new DataScope(null, null, List.of()));
		willReturn(Optional.of(user)).given(users).currentIfAny();
		willReturn(user).given(users).current();
	}

	private ApprovalRef request(String subjectType, long subjectId) {
		signedIn(applicant, "申请人");
		return management.request(new ApprovalRequest(subjectType, subjectId, "市财政局工会换届请示", org, orgPath));
	}

	@Test
	void aTwoStepApprovalGoesToTheGroupThenTheFederationAndTellsTheSubjectModule() {
		long subject = System.nanoTime();
		ApprovalRef ref = request(TWO_STEPS, subject);
		assertThat(ref.status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
		verify(notifications).send(argThat((NotificationRequest r) -> r.template().equals("approval-pending")
				&& r.recipientAccountIds().equals(Set.of(groupAdmin))));
		assertThat(request(TWO_STEPS, subject).id()).as("asking again gives the same approval")
			.isEqualTo(ref.id());

		signedIn(groupAdmin, "片组管理员");
		assertThat(management.decide(ref.id(), Decision.APPROVE, null).status()).isEqualTo(ApprovalStatus.IN_PROGRESS);
		verify(notifications).send(argThat((NotificationRequest r) -> r.template().equals("approval-pending")
				&& r.recipientAccountIds().equals(Set.of(federationAdmin))));

		signedIn(federationAdmin, "工委管理员");
		assertThat(management.decide(ref.id(), Decision.APPROVE, "同意换届").status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(Flows.DECIDED).anySatisfy(e -> {
			assertThat(e.approvalId()).isEqualTo(ref.id());
			assertThat(e.subjectId()).isEqualTo(subject);
			assertThat(e.outcome()).isEqualTo(ApprovalStatus.APPROVED);
			assertThat(e.decidedByAccountId()).isEqualTo(federationAdmin);
		});
		verify(notifications).send(argThat((NotificationRequest r) -> r.template().equals("approval-decided")
				&& r.recipientAccountIds().equals(Set.of(applicant))));
		assertThat(jdbc.sql("select status from approval where id = :id").param("id", ref.id()).query(String.class).single())
			.isEqualTo("APPROVED");
	}

	@Test
	void theApplicantCannotDecideAndARefusalNeedsAReason() {
		ApprovalRef ref = request(ONE_STEP, System.nanoTime());
		assertThatThrownBy(() -> management.decide(ref.id(), Decision.APPROVE, null))
			.isInstanceOf(ForbiddenException.class).hasMessage("不能审批本人提交的申请");
		signedIn(groupAdmin, "片组管理员");
		assertThatThrownBy(() -> management.decide(ref.id(), Decision.REJECT, "  "))
			.isInstanceOf(InvalidValueException.class).hasMessage("不同意时请填写理由");
		assertThat(management.decide(ref.id(), Decision.REJECT, "材料不全").status()).isEqualTo(ApprovalStatus.REJECTED);
	}

	@Test
	void withoutAnyoneToApproveNothingIsSubmitted() {
		given(directory.resolve(any(), any(), anySet())).willReturn(Optional.empty());
		long subject = System.nanoTime();
		assertThatThrownBy(() -> request(ONE_STEP, subject)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("找不到可以审批「上级审批」的人员，请联系上级组织管理员");
		assertThat(jdbc.sql("select count(*) from approval where subject_type = :t and subject_id = :s")
			.param("t", ONE_STEP).param("s", subject).query(Long.class).single()).isZero();
	}
}
