package org.quntuan.activity;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.activity.ActivityViews.Registrant;
import org.quntuan.activity.ActivityViews.Registrants;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Component;

/**
 * The registrant list as an .xlsx file, as the organizer sees it on screen (mobiles masked); the
 * registrations are read on the standby when there is one.
 */
@Component
class RegistrantExport {

	private static final String[] HEADERS = { "序号", "姓名", "性别", "所属单位", "手机号", "状态", "候补顺位", "报名时间", "签到时间",
			"评分", "评价" };

	private static final int[] WIDTHS = { 6, 12, 6, 26, 15, 10, 10, 18, 18, 6, 40 };

	private final ActivityQueries queries;

	RegistrantExport(ActivityQueries queries) {
		this.queries = queries;
	}

	record File(String name, byte[] bytes) {
	}

	File export(long activityId) {
		Registrants list = queries.registrantsToExport(activityId);
		List<Registrant> all = new ArrayList<>(list.confirmed());
		all.addAll(list.pending());
		all.addAll(list.waiting());
		ExcelTable table = ExcelTable.create().sheet("报名名单").header(HEADERS, WIDTHS);
		int n = 1;
		for (Registrant r : all) {
			table.row()
				.number(n++)
				.text(r.name())
				.text(r.gender() == null ? null : r.gender().label())
				.text(r.organName())
				.text(r.mobile())
				.text(r.status().label())
				.text(r.waitlistPosition() == null ? null : String.valueOf(r.waitlistPosition()))
				.time(r.registeredAt())
				.time(r.attendedAt())
				.text(r.feedbackStars() == null ? null : String.valueOf(r.feedbackStars()))
				.text(r.feedbackComment());
		}
		return new File("报名名单-" + list.title() + ".xlsx", table.bytes());
	}
}
