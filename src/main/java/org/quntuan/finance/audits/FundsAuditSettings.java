package org.quntuan.finance.audits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The standard checklist every audit starts with ({@code quntuan.finance.audit-checklist}, a
 * comma-separated list or indexed entries). Changing it affects audits started afterwards only:
 * a started audit keeps the items it was given.
 */
@ConfigurationProperties("quntuan.finance")
record FundsAuditSettings(@DefaultValue({ "会费收缴是否足额及时", "经费支出是否经审批", "票据是否真实合规", "是否存在超预算或超范围支出",
		"预算编制与执行情况", "资产管理情况", "财务制度建设情况" }) List<String> auditChecklist) {

	FundsAuditSettings {
		auditChecklist = auditChecklist.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
		if (auditChecklist.isEmpty()) {
			throw new IllegalArgumentException("quntuan.finance.audit-checklist 至少要有一项检查内容");
		}
		if (auditChecklist.stream().anyMatch(s -> s.length() > 200)) {
			throw new IllegalArgumentException("quntuan.finance.audit-checklist 每项不能超过 200 字");
		}
	}
}
