package org.quntuan.care.mutualaid;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/** The bodies the mutual-aid API takes. */
final class MutualAidRequests {

	/** The most people one request enrols (the benchmark's bulk enrolment). */
	static final int MAX_PEOPLE = 2000;

	private MutualAidRequests() {
	}

	/**
	 * @param pricePerPerson yuan as a string ("60"); the configured default when omitted
	 * @param startsOn the period covered; 1 January to 31 December of the year when omitted
	 */
	record Plan(Integer year, String title, LocalDate startsOn, LocalDate endsOn, String pricePerPerson,
			LocalDate enrolOpensOn, LocalDate enrolClosesOn, Integer target, Integer remindBelowPercent) {
	}

	record Target(Long organId, Integer target) {
	}

	record Targets(@Size(max = 1000) List<Target> targets, Integer version) {
	}

	record Enrolment(@Size(max = MAX_PEOPLE) List<Long> personIds) {
	}

	record Withdrawal(String reason) {
	}

	record Payment(Long organId, LocalDate paidOn) {
	}
}
