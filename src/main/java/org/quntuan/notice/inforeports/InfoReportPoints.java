package org.quntuan.notice.inforeports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Points of an information report by the highest status it reached (not added up: a published item
 * counts its publication points only). Read from properties when the ranking is computed, so a
 * change of the scheme applies to the whole year at once.
 */
@Component
class InfoReportPoints {

	private final int received;

	private final int adopted;

	private final int published;

	InfoReportPoints(@Value("${quntuan.info-reports.points.received:1}") int received,
			@Value("${quntuan.info-reports.points.adopted:3}") int adopted,
			@Value("${quntuan.info-reports.points.published:5}") int published) {
		this.received = received;
		this.adopted = adopted;
		this.published = published;
	}

	int of(InfoReportStatus status) {
		return switch (status) {
			case SUBMITTED -> 0;
			case RECEIVED -> received;
			case ADOPTED -> adopted;
			case PUBLISHED -> published;
		};
	}
}
