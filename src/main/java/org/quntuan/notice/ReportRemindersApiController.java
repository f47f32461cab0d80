package org.quntuan.notice;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 催报: the sender of a collection or a statistical form reminds the units that have not submitted. */
@RestController
class ReportRemindersApiController {

	private final CollectionTasks collections;

	private final FormReminders forms;

	ReportRemindersApiController(CollectionTasks collections, FormReminders forms) {
		this.collections = collections;
		this.forms = forms;
	}

	@PostMapping("/api/v1/collections/{id}/remind")
	@Operation(summary = "催报：提醒尚未报送（或被退回）的单位（同一天不重复发送）")
	Map<String, Integer> remindCollection(@PathVariable long id) {
		return Map.of("reminded", collections.remindUnsubmitted(id));
	}

	@PostMapping("/api/v1/forms/{id}/remind")
	@Operation(summary = "催报：提醒尚未提交报表的单位（同一天不重复发送）")
	Map<String, Integer> remindForm(@PathVariable long id) {
		return Map.of("reminded", forms.remindUnsubmitted(id));
	}
}
