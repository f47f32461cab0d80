package org.quntuan.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 催报 through the API: the collection's and the form's sender reminds the units that have not submitted. */
@RestController
@Tag(name = "催报", description = "发起单位提醒尚未报送（或被退回）的单位；每个单位每天至多提醒一次")
class SubmissionReminderApiController {

	record Reminded(int reminded) {
	}

	private final SubmissionReminders reminders;

	SubmissionReminderApiController(SubmissionReminders reminders) {
		this.reminders = reminders;
	}

	@PostMapping("/api/v1/collections/{id}/reminders")
	@Operation(summary = "催报材料：提醒尚未报送或被退回的单位（发起单位；逾期不再接收的任务截止后不能催报）")
	Reminded collection(@PathVariable long id) {
		return new Reminded(reminders.collection(id));
	}

	@PostMapping("/api/v1/forms/{id}/reminders")
	@Operation(summary = "催报报表：提醒尚未提交（含被退回）的单位（发送单位）")
	Reminded form(@PathVariable long id) {
		return new Reminded(reminders.form(id));
	}
}
