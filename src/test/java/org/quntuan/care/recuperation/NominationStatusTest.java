package org.quntuan.care.recuperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Which nominations take a place of the organ and which keep the person from being nominated elsewhere. */
class NominationStatusTest {

	@Test
	void aPlaceIsHeldUntilDeclinedOrWithdrawnAndStaysCountedAfterTheTrip() {
		assertThat(Arrays.stream(NominationStatus.values()).filter(NominationStatus::holdsPlace))
			.containsExactlyInAnyOrder(NominationStatus.NOMINATED, NominationStatus.CONFIRMED, NominationStatus.ATTENDED,
					NominationStatus.ABSENT);
	}

	@Test
	void aPersonIsOpenInOneBatchWhileAwaitingConfirmedOrWaiting() {
		assertThat(Arrays.stream(NominationStatus.values()).filter(NominationStatus::open))
			.containsExactlyInAnyOrder(NominationStatus.NOMINATED, NominationStatus.CONFIRMED, NominationStatus.WAITING);
		assertThat(NominationStatus.WAITING.holdsPlace()).isFalse();
		assertThat(NominationStatus.DECLINED.open()).isFalse();
	}
}
