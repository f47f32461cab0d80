package org.quntuan.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TermSettingsTest {

	@Test
	void termLengthsAreOnlyThoseTheRulesAllow() {
		TermSettings terms = new TermSettings(3, 2, 5, 7, 5, 5);
		assertThat(terms.years(OrgType.UNION)).isEqualTo(3);
		assertThat(terms.years(OrgType.LEAGUE)).isEqualTo(2);
		assertThatThrownBy(() -> new TermSettings(4, 3, 5, 7, 5, 5)).hasMessageContaining("quntuan.terms.union");
		assertThatThrownBy(() -> new TermSettings(5, 5, 5, 7, 5, 5)).hasMessageContaining("quntuan.terms.league");
		assertThatThrownBy(() -> new TermSettings(5, 3, 2, 7, 5, 5)).hasMessageContaining("quntuan.terms.women");
		assertThatThrownBy(() -> terms.years(OrgType.ORGAN)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTermIsDueSoonWithinThreeMonthsOverdueAfterItsEndAndAReElectionUnderWayShowsItsStep() {
		LocalDate today = LocalDate.of(2026, 11, 28);
		assertThat(ReelectionBoard.state(today.plusMonths(3), null, today)).isEqualTo(ReelectionBoardState.DUE_SOON);
		assertThat(ReelectionBoard.state(today.plusMonths(3).plusDays(1), null, today)).isEqualTo(ReelectionBoardState.NORMAL);
		assertThat(ReelectionBoard.state(today, null, today)).isEqualTo(ReelectionBoardState.DUE_SOON);
		assertThat(ReelectionBoard.state(today.minusDays(1), null, today)).isEqualTo(ReelectionBoardState.OVERDUE);
		assertThat(ReelectionBoard.state(null, null, today)).isEqualTo(ReelectionBoardState.NO_TEAM);
		assertThat(ReelectionBoard.state(today.minusDays(1), ReelectionStatus.APPROVED, today))
			.isEqualTo(ReelectionBoardState.APPROVED_AWAITING_ELECTION);
		assertThat(ReelectionBoard.state(today.minusDays(1), ReelectionStatus.COMPLETED, today))
			.isEqualTo(ReelectionBoardState.OVERDUE);
	}

	@Test
	void positionsReadAsEachKindOfOrganizationNamesThem() {
		assertThat(LeadershipPosition.CHAIR.label(OrgType.LEAGUE)).isEqualTo("书记");
		assertThat(LeadershipPosition.VICE_CHAIR.label(OrgType.WOMEN)).isEqualTo("副主任");
		assertThat(LeadershipPosition.parse("副书记")).isEqualTo(LeadershipPosition.VICE_CHAIR);
		assertThat(LeadershipPosition.parse("chair")).isEqualTo(LeadershipPosition.CHAIR);
		assertThatThrownBy(() -> LeadershipPosition.parse("秘书长")).hasMessageContaining("无效的职务");
	}
}
