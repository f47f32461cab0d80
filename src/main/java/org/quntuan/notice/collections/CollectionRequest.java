package org.quntuan.notice.collections;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.organization.Targets;

/**
 * A material-collection task to publish.
 *
 * @param deadline ISO-8601 with offset
 * @param latePolicy {@code ALLOW_LATE_MARKED} (the default) or {@code REFUSE_LATE}, or its Chinese label
 * @param allowedKinds the file kinds accepted (PDF, DOCX, XLSX, PNG, JPEG); all of them when absent
 */
public record CollectionRequest(String title, String instructions, OffsetDateTime deadline, Targets targets,
		String latePolicy, List<String> allowedKinds) {
}
