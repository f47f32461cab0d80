package org.quntuan.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.quntuan.activity.ActivityViews.Registrant;
import org.quntuan.activity.ActivityViews.Registrants;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Component;

/**
 * The registrant list as an .xlsx file, as the organizer sees it on screen (mobiles masked); the
 * registrations are read on the standby when there is one.
 */
@Component
class RegistrantExport {

	private static final String[] HEADERS = { "activity.registration.export.col.seq", "activity.export.col.name",
			"activity.registration.export.col.gender", "activity.registration.export.col.organ",
			"activity.export.col.mobile", "activity.registration.export.col.status",
			"activity.registration.export.col.waitlist", "activity.registration.export.col.registered-at",
			"activity.registration.export.col.attended-at", "activity.registration.export.col.stars",
			"activity.registration.export.col.comment" };

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
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("activity.registration.export.sheet"))
			.header(Arrays.stream(HEADERS).map(Texts::localized).toArray(String[]::new), WIDTHS);
		int n = 1;
		for (Registrant r : all) {
			table.row()
				.number(n++)
				.text(r.name())
				.text(r.gender() == null ? null : Texts.localized(Text.label(r.gender().label())))
				.text(r.organName())
				.text(r.mobile())
				.text(Texts.localized(Text.label(r.status().label())))
				.text(r.waitlistPosition() == null ? null : String.valueOf(r.waitlistPosition()))
				.time(r.registeredAt())
				.time(r.attendedAt())
				.text(r.feedbackStars() == null ? null : String.valueOf(r.feedbackStars()))
				.text(r.feedbackComment());
		}
		return new File(Texts.localized("activity.registration.export.file", list.title()), table.bytes());
	}
}
