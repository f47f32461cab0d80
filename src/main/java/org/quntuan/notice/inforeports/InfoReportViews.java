package org.quntuan.notice.inforeports;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the API and the pages show of information reports. */
final class InfoReportViews {

	private InfoReportViews() {
	}

	record Photo(long id, String name) {
	}

	record Item(long id, String title, String body, long organId, String organName, String authorName,
			CodeLabel status, String publishedWhere, int points, OffsetDateTime submittedAt, OffsetDateTime markedAt,
			int version, List<Photo> photos, boolean markable) {
	}

	record OfficerRank(int rank, long accountId, String name, String organName, long items, long received,
			long adopted, long published, long points) {
	}

	record OrganRank(int rank, long organId, String organName, long officers, long items, long adopted,
			long published, long points) {
	}

	record Ranking(int year, List<OfficerRank> officers, List<OrganRank> organs) {
	}
}
