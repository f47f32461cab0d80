package org.quntuan.care.women;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A 两癌 screening as the federation plans it. Without quotas the capacity is shared among the organs
 * by their number of active women; with quotas they must add up to the capacity.
 *
 * @param priorityAge women of this age or older go first on a wait list (default 35)
 * @param priorityYears so do women not screened in this many years before (default 2)
 */
record ScreeningRequest(Integer year, String title, LocalDate startsOn, LocalDate endsOn, LocalDate signupOpensOn,
		LocalDate signupClosesOn, Integer capacity, Integer priorityAge, Integer priorityYears,
		@Size(max = 1000) List<Quota> quotas) {

	record Quota(Long organId, Integer places) {
	}
}
