package org.quntuan.care.recuperation;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A new recuperation batch (疗休养批次).
 *
 * @param kind MODEL_WORKER (劳模疗休养) or STAFF (职工疗休养), code or label
 * @param costPerPerson yuan as a string, e.g. "3200.00"
 * @param quotas optional: the places of each organ at once (they may also be set later)
 */
public record BatchRequest(String title, String kind, String destination, LocalDate startsOn, LocalDate endsOn,
		Integer capacity, String costPerPerson, String description, @Size(max = 1000) List<Quota> quotas) {

	/** An organ's places. */
	public record Quota(Long organId, Integer places) {
	}
}
