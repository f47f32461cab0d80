package org.quntuan.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the object types and results the modules write, for the page and the export. */
final class AuditLabels {

	static final Map<String, String> OBJECT_TYPES = new LinkedHashMap<>();

	static {
		OBJECT_TYPES.put("ORG", "组织");
		OBJECT_TYPES.put("PERSON", "人员");
		OBJECT_TYPES.put("PERSON_IMPORT", "人员导入");
		OBJECT_TYPES.put("PERSON_EXPORT", "人员导出");
		OBJECT_TYPES.put("ACCOUNT", "账号");
		OBJECT_TYPES.put("REQUEST", "请求");
	}

	private static final Map<String, String> RESULTS = Map.of(AuditLog.SUCCESS, "成功", AuditLog.FAILURE, "失败",
			AuditLog.DENIED, "拒绝");

	private AuditLabels() {
	}

	static String objectType(String code) {
		return code == null ? null : OBJECT_TYPES.getOrDefault(code, code);
	}

	static String result(String code) {
		return code == null ? null : RESULTS.getOrDefault(code, code);
	}
}
