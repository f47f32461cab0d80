package org.quntuan.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;

/**
 * Names of the object types and results the modules write, for the page and the export: Chinese here,
 * other languages as {@code label.<Chinese>} in their bundle (as the labels of enum values).
 */
final class AuditLabels {

	static final Map<String, String> OBJECT_TYPES = new LinkedHashMap<>();

	static {
		OBJECT_TYPES.put("ORG", "组织");
		OBJECT_TYPES.put("PERSON", "人员");
		OBJECT_TYPES.put("PERSON_IMPORT", "人员导入");
		OBJECT_TYPES.put("PERSON_EXPORT", "人员导出");
		OBJECT_TYPES.put("ACCOUNT", "账号");
		OBJECT_TYPES.put("ACCOUNT_EXPORT", "账号导出");
		OBJECT_TYPES.put("REQUEST", "请求");
		OBJECT_TYPES.put("ACTIVITY", "活动");
		OBJECT_TYPES.put("SERIES", "四季有你");
		OBJECT_TYPES.put("CLUB", "俱乐部");
		OBJECT_TYPES.put("GROUP_RANKING", "片组排名");
		OBJECT_TYPES.put("NOTICE", "通知");
		OBJECT_TYPES.put("COLLECTION", "材料征集");
		OBJECT_TYPES.put("FORM", "统计报表");
		OBJECT_TYPES.put("INFO_REPORT", "信息报送");
		OBJECT_TYPES.put("MEETING", "会议");
		OBJECT_TYPES.put("RESOLUTION", "会议决议");
		OBJECT_TYPES.put("ANNUAL_REPORT", "年度报告");
		OBJECT_TYPES.put("APPROVAL", "审批");
		OBJECT_TYPES.put("ROLE_BINDING", "角色");
		OBJECT_TYPES.put("REELECTION", "换届");
		OBJECT_TYPES.put("LEADERSHIP_TEAM", "领导班子");
		OBJECT_TYPES.put("FIN_BOOK", "账簿");
		OBJECT_TYPES.put("FIN_CATEGORY", "收支科目");
		OBJECT_TYPES.put("FIN_TXN", "记账凭证");
		OBJECT_TYPES.put("FIN_INCOME", "经费收入");
		OBJECT_TYPES.put("FIN_EXPENSE", "经费支出");
		OBJECT_TYPES.put("FIN_PAY", "工资基数");
		OBJECT_TYPES.put("FIN_DUES_SHEET", "会费收缴表");
		OBJECT_TYPES.put("FIN_AUDIT_PLAN", "审计计划");
		OBJECT_TYPES.put("FIN_AUDIT", "经费审计");
		OBJECT_TYPES.put("FIN_AUDIT_FINDING", "审计发现");
		OBJECT_TYPES.put("FIN_FINDING", "审计发现");
		OBJECT_TYPES.put("FIN_ARREARS_EXPORT", "欠缴情况导出");
		OBJECT_TYPES.put("FIN_BUDGET_EXPORT", "预算执行导出");
		OBJECT_TYPES.put("FIN_INCOME_EXPORT", "收入登记导出");
		OBJECT_TYPES.put("RESOLUTION_EXPORT", "会议决议导出");
		OBJECT_TYPES.put("ATTENDANCE_EXPORT", "出席情况导出");
		OBJECT_TYPES.put("NOTICE_READS_EXPORT", "阅读情况导出");
		OBJECT_TYPES.put("INFO_REPORT_EXPORT", "信息报送导出");
		OBJECT_TYPES.put("CLUB_MEMBERS_EXPORT", "成员名单导出");
		// member.union: joining, leaving, transfers of membership
		OBJECT_TYPES.put("UNION_APPLICATION", "入会申请");
		OBJECT_TYPES.put("UNION_MEMBERSHIP", "工会会籍");
		OBJECT_TYPES.put("UNION_TRANSFER", "会员关系转接");
		// care: hardship register and subsidies
		OBJECT_TYPES.put("CARE_HARDSHIP_CASE", "困难职工档案");
		OBJECT_TYPES.put("CARE_SUBSIDY", "困难补助申请");
		// care.recuperation
		OBJECT_TYPES.put("CARE_RECUPERATION_BATCH", "疗休养批次");
		OBJECT_TYPES.put("CARE_RECUPERATION_NOMINATION", "疗休养推荐");
		OBJECT_TYPES.put("CARE_RECUPERATION_ROSTER_EXPORT", "疗休养名单导出");
		// care: department–community pairing
		OBJECT_TYPES.put("CARE_PAIR_PARTNER", "结对共建单位");
		OBJECT_TYPES.put("CARE_PAIR", "结对共建关系");
		OBJECT_TYPES.put("CARE_PAIR_PLAN", "结对共建项目");
		OBJECT_TYPES.put("CARE_PAIR_PROGRESS", "结对共建进展");
		OBJECT_TYPES.put("CARE_PAIR_PROBLEM", "结对共建问题");
		OBJECT_TYPES.put("CARE_PAIR_EXPORT", "结对共建汇总导出");
		// care.women (女职工)
		OBJECT_TYPES.put("CARE_WOMEN_SCREENING", "两癌筛查");
		OBJECT_TYPES.put("CARE_WOMEN_SIGNUP", "两癌筛查报名");
		OBJECT_TYPES.put("CARE_WOMEN_SIGNUP_EXPORT", "两癌筛查名单导出");
		// care.mutualaid (医疗互助)
		OBJECT_TYPES.put("MUTUALAID_PLAN", "医疗互助计划");
		OBJECT_TYPES.put("MUTUALAID_ENROLMENT", "医疗互助参保登记");
		OBJECT_TYPES.put("MUTUALAID_PAYMENT", "医疗互助缴费");
		OBJECT_TYPES.put("MUTUALAID_EXPORT", "医疗互助进度导出");
		// care: visits
		OBJECT_TYPES.put("CARE_VISIT_PLAN", "走访慰问计划");
		OBJECT_TYPES.put("CARE_VISIT", "走访慰问记录");
		OBJECT_TYPES.put("CARE_VISIT_EXPORT", "走访慰问导出");
		OBJECT_TYPES.put("CARE_SICK_REPORT", "患病住院登记");
		// governance.votes: who voted, never how
		OBJECT_TYPES.put("GOV_VOTE", "投票");
		OBJECT_TYPES.put("GOV_VOTE_BALLOT", "投票记录");
		// governance.mailbox: an anonymous writer's own actions are not recorded (they would name the writer)
		OBJECT_TYPES.put("GOV_MAILBOX_LETTER", "主席信箱来信");
		OBJECT_TYPES.put("GOV_MAILBOX_SUMMARY_EXPORT", "主席信箱汇总导出");
		// matchmaking (智慧红娘)
		OBJECT_TYPES.put("MATCHMAKING_PROFILE", "红娘资料");
		OBJECT_TYPES.put("MATCHMAKING_CONSENT", "红娘服务授权");
		OBJECT_TYPES.put("MATCHMAKING_INTEREST", "红娘心动");
		OBJECT_TYPES.put("VOLUNTEER", "志愿者注册");
		OBJECT_TYPES.put("VOLUNTEER_HOURS", "志愿服务时长");
		OBJECT_TYPES.put("VOLUNTEER_RANKING_EXPORT", "志愿服务排行导出");
		OBJECT_TYPES.put("VOLUNTEER_CERTIFICATE", "志愿服务证明");
		OBJECT_TYPES.put("VOLUNTEER_PROJECT", "志愿服务项目");
	}

	private static final Map<String, String> RESULTS = Map.of(AuditLog.SUCCESS, "成功", AuditLog.FAILURE, "失败",
			AuditLog.DENIED, "拒绝");

	private AuditLabels() {
	}

	static String objectType(String code) {
		return code == null ? null : localized(OBJECT_TYPES.getOrDefault(code, code));
	}

	static String result(String code) {
		return code == null ? null : localized(RESULTS.getOrDefault(code, code));
	}

	/** Every object type and its name in the reader's language, in the order above. */
	static Map<String, String> objectTypes() {
		Map<String, String> names = new LinkedHashMap<>();
		OBJECT_TYPES.forEach((code, chinese) -> names.put(code, localized(chinese)));
		return names;
	}

	private static String localized(String chinese) {
		return Texts.localized(Text.label(chinese));
	}
}
