package org.quntuan.notice.collections;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** One target org's submission to a collection task, with its current files. */
public record SubmissionView(long orgId, String orgName, CodeLabel state, boolean late,
		OffsetDateTime submittedAt, String submittedBy, OffsetDateTime reviewedAt, String returnReason,
		List<SubmissionFile> files) {

	public record SubmissionFile(long id, String name, String kind, long sizeBytes, OffsetDateTime uploadedAt) {
	}
}
