package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;

/** What the API and the pages show of statistical forms. */
final class FormViews {

	private FormViews() {
	}

	/** A form the caller sent (or an org under them sent), with its progress. */
	record Summary(long id, String title, OffsetDateTime deadline, String senderOrgName, OffsetDateTime createdAt,
			long targets, long submitted, boolean overdue) {
	}

	/** A form one of the caller's orgs has to fill in. */
	record Task(long id, String title, OffsetDateTime deadline, long orgId, String orgName, CodeLabel status,
			String returnReason, boolean overdue) {
	}

	record Detail(long id, String title, String instructions, OffsetDateTime deadline, long senderOrgId,
			String senderOrgName, OffsetDateTime createdAt, List<Field> fields, boolean sender,
			Map<String, Long> statusCounts) {
	}

	/** A field as clients see it; range is the allowed range in words, for numbers. */
	record Field(long id, int position, String label, CodeLabel type, boolean required, BigDecimal min,
			BigDecimal max, Integer maxLength, List<String> options, boolean numeric, String range) {

		static Field of(FormField f) {
			return new Field(f.id(), f.position(), f.label(), f.type().toCodeLabel(), f.required(), f.min(), f.max(),
					f.maxLength(), f.options(), f.numeric(), range(f));
		}

		/** The range in words in the reader's language, for numbers. */
		private static String range(FormField f) {
			Text range = f.numeric() ? FormRules.rangeText(f) : null;
			return range == null ? "" : Texts.localized(range);
		}
	}

	/** One target's row in the sender's status table. */
	record StatusRow(long orgId, String orgName, String groupName, CodeLabel status, String returnReason,
			OffsetDateTime savedAt, OffsetDateTime submittedAt, boolean late, int version) {
	}

	/** One target's response with its values (field id → text). */
	record Response(long id, long formId, String formTitle, long orgId, String orgName, String groupName,
			CodeLabel status, String returnReason, OffsetDateTime savedAt, OffsetDateTime submittedAt, boolean late,
			int version, Map<Long, String> values, boolean editable, boolean returnable) {
	}

	record FieldFigures(long fieldId, String label, long count, BigDecimal sum, BigDecimal average, BigDecimal min,
			BigDecimal max) {
	}

	record GroupFigures(Long groupId, String groupName, long submitted, List<FieldFigures> fields) {
	}

	/** Figures over submitted responses only. */
	record Aggregate(long formId, String title, long targets, long submitted, List<FieldFigures> fields,
			List<GroupFigures> groups) {
	}
}
