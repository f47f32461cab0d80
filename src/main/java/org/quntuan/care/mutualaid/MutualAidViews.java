package org.quntuan.care.mutualaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the pages and the API show of the mutual-aid plans. */
final class MutualAidViews {

	private MutualAidViews() {
	}

	record Plan(long id, int year, String title, LocalDate startsOn, LocalDate endsOn, BigDecimal pricePerPerson,
			LocalDate enrolOpensOn, LocalDate enrolClosesOn, int target, int remindBelowPercent, boolean open, int version) {

		static Plan of(MutualAidRepository.PlanRow p, LocalDate today) {
			return new Plan(p.id(), p.year(), p.title(), p.startsOn(), p.endsOn(), p.pricePerPerson(), p.enrolOpensOn(),
					p.enrolClosesOn(), p.target(), p.remindBelowPercent(),
					!today.isBefore(p.enrolOpensOn()) && !today.isAfter(p.enrolClosesOn()), p.version());
		}
	}

	/**
	 * An organ's progress.
	 *
	 * @param percent enrolled against the target (null without a target)
	 * @param participation enrolled against the union members (null without members)
	 * @param everyone every union member enrolled (全员参加)
	 * @param paid the enrolments paid for; {@code unpaid} the rest
	 */
	record Row(long organId, String organName, Long groupId, String groupName, int target, long enrolled,
			long unionMembers, Integer percent, Integer participation, boolean reached, boolean everyone, int paid,
			long unpaid) {
	}

	/** The figures of a 片组, of the caller's organs together, or of the city. */
	record Figures(Long groupId, String name, int organs, long target, long enrolled, long unionMembers, Integer percent,
			Integer participation) {
	}

	record Board(Plan plan, List<Row> rows, List<Figures> groups, Figures total, Figures city) {
	}

	/** @param left enrolled, and since then no longer active or in service (a leaver: still covered, may be withdrawn) */
	record Person(long id, String name, String idNumber, String organName, boolean enrolled, boolean left) {
	}

	record Enrolment(long personId, String name, String organName, OffsetDateTime enrolledAt) {
	}

	record Payment(long id, String organName, int persons, BigDecimal amount, LocalDate paidOn, long txnId) {
	}

	/** Whole percent, rounded down (99.9 % is not 100 %); null when there is nothing to compare with. */
	static Integer percent(long part, long whole) {
		return whole <= 0 ? null : (int) Math.min(Integer.MAX_VALUE, part * 100 / whole);
	}
}
