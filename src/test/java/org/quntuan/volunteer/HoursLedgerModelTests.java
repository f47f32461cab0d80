package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.UserMessageException;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hours ledger against a model, in random order with a fixed seed (printed; {@code -Dvolunteer.seed=…}
 * replays another): claims, verifications with and without other hours, rejections and adjustments, each
 * accepted or refused as the model says. After every step every total equals the sum of the verified
 * entries, and no entry written before has changed.
 */
class HoursLedgerModelTests extends VolunteerTestSupport {

	private static final BigDecimal DAY = new BigDecimal("24");

	@Autowired
	HoursLedger ledger;

	@Autowired
	VolunteerReads reads;

	/** A claim as the model sees it: null status while pending, then verified or rejected. */
	static final class Claim {

		final long id;

		final Member person;

		final LocalDate date;

		final BigDecimal hours;

		Boolean verified;

		BigDecimal counted = BigDecimal.ZERO;

		Claim(long id, Member person, LocalDate date, BigDecimal hours) {
			this.id = id;
			this.person = person;
			this.date = date;
			this.hours = hours;
		}

		BigDecimal onTheDay() {
			return verified == null ? hours : verified ? counted : BigDecimal.ZERO;
		}
	}

	@Test
	void everyTotalIsTheSumOfTheVerifiedEntriesAndNoEntryEverChanges() throws Exception {
		long seed = Long.getLong("volunteer.seed", 20261206L);
		System.out.println("HoursLedgerModelTests seed: " + seed);
		Random random = new Random(seed);
		List<Member> people = List.of(volunteer("市财政局"), volunteer("市财政局"));
		List<Claim> claims = new ArrayList<>();
		Map<Long, String> written = new LinkedHashMap<>();
		for (int step = 0; step < 160; step++) {
			String what = "step " + step + " (seed " + seed + ")";
			int op = random.nextInt(10);
			if (op < 4 || claims.isEmpty()) {
				Member m = people.get(random.nextInt(people.size()));
				LocalDate date = today().minusDays(random.nextInt(4));
				BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(20)).divide(BigDecimal.valueOf(2)).setScale(1);
				boolean fits = dayTotal(claims, m, date).add(hours).compareTo(DAY) <= 0;
				Long id = attempt(what, fits, m.username(), () -> ledger.claim(new VolunteerViews.ClaimInput(date, hours.toPlainString(),
						"模型申报")));
				if (id != null) {
					claims.add(new Claim(id, m, date, hours));
				}
			}
			else if (op < 7) {
				Claim c = claims.get(random.nextInt(claims.size()));
				boolean approve = random.nextInt(4) > 0;
				BigDecimal hours = approve && random.nextBoolean() ? c.hours
						: BigDecimal.valueOf(1 + random.nextInt(16)).divide(BigDecimal.valueOf(2)).setScale(1);
				boolean ok = c.verified == null && (!approve
						|| dayTotal(claims, c.person, c.date).subtract(c.hours).add(hours).compareTo(DAY) <= 0);
				Long done = attempt(what, ok, "orgadmin1", () -> {
					ledger.verify(c.id, new VolunteerViews.Verification(approve, hours.toPlainString(), "模型核实"));
					return c.id;
				});
				if (done != null) {
					c.verified = approve;
					c.counted = approve ? hours : BigDecimal.ZERO;
				}
			}
			else {
				Claim c = claims.get(random.nextInt(claims.size()));
				BigDecimal delta = BigDecimal.valueOf(random.nextInt(9) - 4).divide(BigDecimal.valueOf(2)).setScale(1);
				if (delta.signum() == 0) {
					delta = new BigDecimal("0.5");
				}
				BigDecimal d = delta;
				boolean ok = Boolean.TRUE.equals(c.verified) && c.counted.add(d).signum() >= 0
						&& (d.signum() < 0 || dayTotal(claims, c.person, c.date).add(d).compareTo(DAY) <= 0);
				Long done = attempt(what, ok, "group1", () -> ledger.adjust(c.id, new VolunteerViews.AdjustmentInput(
						d.toPlainString(), "模型调整")));
				if (done != null) {
					c.counted = c.counted.add(d);
				}
			}
			for (Member m : people) {
				VolunteerViews.MyHours mine = as(m.username(), reads::myHours);
				BigDecimal verified = claims.stream().filter(c -> c.person == m && Boolean.TRUE.equals(c.verified))
					.map(c -> c.counted).reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal pending = claims.stream().filter(c -> c.person == m && c.verified == null).map(c -> c.hours)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				assertThat(new BigDecimal(mine.verifiedHours())).as(what).isEqualByComparingTo(verified);
				assertThat(new BigDecimal(mine.pendingHours())).as(what).isEqualByComparingTo(pending);
				assertThat(verifiedInDb(m.id())).as(what).isEqualByComparingTo(verified);
			}
			Map<Long, String> now = entries(people);
			for (Map.Entry<Long, String> e : written.entrySet()) {
				assertThat(now.get(e.getKey())).as(what + ": entry " + e.getKey()).isEqualTo(e.getValue());
			}
			written = now;
		}
		assertThat(claims).hasSizeGreaterThan(20);
		assertThat(claims).anyMatch(c -> Boolean.TRUE.equals(c.verified)).anyMatch(c -> Boolean.FALSE.equals(c.verified));
	}

	private static BigDecimal dayTotal(List<Claim> claims, Member m, LocalDate date) {
		return claims.stream().filter(c -> c.person == m && c.date.equals(date)).map(Claim::onTheDay)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	interface Step {

		long run();
	}

	/** Runs a step as the user; it must succeed exactly when the model says so. Returns its id, or null when refused. */
	private Long attempt(String what, boolean expected, String user, Step step) throws Exception {
		try {
			long id = as(user, step::run);
			if (!expected) {
				fail(what + ": the model expected a refusal");
			}
			return id;
		}
		catch (UserMessageException ex) {
			if (expected) {
				fail(what + ": refused: " + ex.getMessage());
			}
			return null;
		}
	}

	/** Every ledger entry of the people, as it was written: id → kind, date, hours, adjusts, text. */
	private Map<Long, String> entries(List<Member> people) {
		Map<Long, String> all = new LinkedHashMap<>();
		for (Member m : people) {
			jdbc.sql("""
					select id, kind, service_date, hours, adjusts_id, description, reason, author_account_id, created_at
					from volunteer_hours where person_id = :p order by id""").param("p", m.id())
				.query((rs, i) -> all.put(rs.getLong(1), rs.getString(2) + "|" + rs.getObject(3) + "|"
						+ rs.getBigDecimal(4).toPlainString() + "|" + rs.getObject(5) + "|" + rs.getString(6) + "|"
						+ rs.getString(7) + "|" + rs.getLong(8) + "|" + rs.getObject(9)))
				.list();
		}
		return all;
	}
}
