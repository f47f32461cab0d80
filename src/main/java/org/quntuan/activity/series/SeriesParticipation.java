package org.quntuan.activity.series;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.quntuan.platform.Zones;

/** What is on in one quarter of a series and how many took part. */
public record SeriesParticipation(SeriesQuarter quarter, List<Item> activities, long registered, long attended) {

	/** @param registered confirmed registrations; @param attended of them, checked in */
	public record Item(long id, String title, String type, String organizer, String place, OffsetDateTime startAt,
			OffsetDateTime endAt, String status, int seats, long registered, long attended) {

		@com.fasterxml.jackson.annotation.JsonProperty("attendanceRate")
		public Double attendanceRate() {
			return SeriesParticipation.rate(attended, registered);
		}

		/** The start in the business zone, for pages. */
		public String when() {
			return startAt == null ? "" : startAt.atZoneSameInstant(Zones.BUSINESS)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		}
	}

	/** Attended / registered in percent with one decimal; null when nobody registered. */
	@com.fasterxml.jackson.annotation.JsonProperty("attendanceRate")
	public Double attendanceRate() {
		return rate(attended, registered);
	}

	static Double rate(long attended, long registered) {
		return registered == 0 ? null : Math.round(attended * 1000.0 / registered) / 10.0;
	}

	static SeriesParticipation of(SeriesQuarter quarter, List<Item> items) {
		return new SeriesParticipation(quarter, items, items.stream().mapToLong(Item::registered).sum(),
				items.stream().mapToLong(Item::attended).sum());
	}
}
