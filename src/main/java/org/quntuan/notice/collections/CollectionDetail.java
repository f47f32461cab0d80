package org.quntuan.notice.collections;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/**
 * A collection task as a caller sees it: the collector side ({@code canManage}) gets the counts; a
 * target org's admin gets their own submissions in {@code mine}.
 */
public record CollectionDetail(long id, String title, String instructions, OffsetDateTime deadline,
		CodeLabel latePolicy, List<String> allowedKinds, String senderName, String senderOrgName,
		OffsetDateTime createdAt, boolean overdue, TemplateFile template, boolean canManage, int targets,
		int submitted, int accepted, List<SubmissionView> mine) {

	public record TemplateFile(long id, String name, String kind) {
	}
}
