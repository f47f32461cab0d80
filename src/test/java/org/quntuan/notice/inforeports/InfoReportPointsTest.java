package org.quntuan.notice.inforeports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class InfoReportPointsTest {

	@Test
	void aReportCountsThePointsOfTheHighestStatusItReachedNotTheSum() {
		InfoReportPoints points = new InfoReportPoints(1, 3, 5);
		assertThat(points.of(InfoReportStatus.SUBMITTED)).isZero();
		assertThat(points.of(InfoReportStatus.RECEIVED)).isEqualTo(1);
		assertThat(points.of(InfoReportStatus.ADOPTED)).isEqualTo(3);
		assertThat(points.of(InfoReportStatus.PUBLISHED)).as("5, not 1 + 3 + 5").isEqualTo(5);
	}

	@Test
	void theSchemeComesFromTheSettingsAndAnUnhandledReportNeverCounts() {
		InfoReportPoints points = new InfoReportPoints(2, 4, 10);
		assertThat(points.of(InfoReportStatus.RECEIVED)).isEqualTo(2);
		assertThat(points.of(InfoReportStatus.ADOPTED)).isEqualTo(4);
		assertThat(points.of(InfoReportStatus.PUBLISHED)).isEqualTo(10);
		assertThat(points.of(InfoReportStatus.SUBMITTED)).isZero();
	}

	@Test
	void theDefaultsAreOneThreeAndFive() throws Exception {
		Constructor<InfoReportPoints> constructor = InfoReportPoints.class.getDeclaredConstructor(int.class, int.class, int.class);
		List<String> defaults = Arrays.stream(constructor.getParameters())
			.map(p -> p.getAnnotation(Value.class).value())
			.toList();
		assertThat(defaults).containsExactly("${quntuan.info-reports.points.received:1}",
				"${quntuan.info-reports.points.adopted:3}", "${quntuan.info-reports.points.published:5}");
	}
}
