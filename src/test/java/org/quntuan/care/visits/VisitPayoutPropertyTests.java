package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hundreds of random additions, visits (cash or goods, amounts up to and over the standard, by admins who
 * may and may not record them, repeated), removals and budget raises on one plan, against a model of what
 * must happen. The seed is fixed and printed; -Dvisits.seed=… replays a failure. After the run: every
 * cash visit has exactly one journal entry and its lines are the visit's amount (bank out, 维权支出 in),
 * no goods visit and no removed recipient has any, the visit's txn_id is that entry, the sum of the
 * entries equals the model's payouts, and neither the list's reserve nor the spending passed the budget.
 */
class VisitPayoutPropertyTests extends VisitFixtures {

	private static final int STEPS = 1_000;

	private static final Map<RecipientKind, BigDecimal> STANDARDS = Map.of(RecipientKind.MODEL_WORKER,
			new BigDecimal("1000.00"), RecipientKind.SICK, new BigDecimal("500.00"), RecipientKind.HARDSHIP,
			new BigDecimal("800.00"), RecipientKind.RETIRED, new BigDecimal("300.00"));

	@Autowired
	Visits visits;

	private record Listed(long id, long person, RecipientKind kind, BigDecimal planned) {
	}

	@Test
	void randomVisitsPayEachRecipientOnceAndTheJournalHoldsExactlyThePayouts() throws Exception {
		long seed = Long.getLong("visits.seed", 20261207L);
		System.out.println("VisitPayoutPropertyTests seed = " + seed);
		Random random = new Random(seed);
		long plan = plan("admin", "随机走访测试" + seed % 100_000, ROOT, "20000",
				standard("MODEL_WORKER", "CASH", "1000", null), standard("SICK", "CASH", "500", null),
				standard("HARDSHIP", "CASH", "800", null), standard("RETIRED", "GOODS", "300", "大米"));
		Map<Long, String> adminOf = new LinkedHashMap<>();
		unionMembers("市财政局", 8).forEach(p -> adminOf.put(p, "orgadmin1"));
		unionMembers("市教育局", 8).forEach(p -> adminOf.put(p, "orgadmin2"));
		// people of other organs: only the federation's admin administers them of these three
		jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.type = 'ORGAN' and o.name not in ('市财政局', '市教育局') and p.active = true
				order by p.id fetch first 40 rows only""").query(Long.class).list().forEach(p -> adminOf.put(p, "admin"));
		List<Long> people = new ArrayList<>(adminOf.keySet());
		List<String> users = List.of("admin", "orgadmin1", "orgadmin2");

		BigDecimal budget = new BigDecimal("20000.00");
		int version = 0;
		Map<Long, Listed> listed = new HashMap<>();
		Map<Long, Listed> byPerson = new HashMap<>();
		Map<Long, BigDecimal> cash = new HashMap<>();
		Set<Long> visited = new HashSet<>();
		Set<Long> removed = new HashSet<>();
		BigDecimal spent = BigDecimal.ZERO;
		int[] outcomes = new int[4];
		for (int step = 0; step < STEPS; step++) {
			int op = random.nextInt(10);
			String user = users.get(random.nextInt(users.size()));
			if (op < 4 || listed.isEmpty()) {
				long person = people.get(random.nextInt(people.size()));
				RecipientKind kind = RecipientKind.values()[random.nextInt(RecipientKind.values().length)];
				BigDecimal planned = listed.values().stream().map(Listed::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
				Class<? extends RuntimeException> expected = !user.equals("admin") && !user.equals(adminOf.get(person))
						? ForbiddenException.class
						: !STANDARDS.containsKey(kind) ? InvalidValueException.class
								: byPerson.containsKey(person) ? ConflictException.class
										: planned.add(STANDARDS.get(kind)).compareTo(budget) > 0 ? BusinessRuleException.class
												: null;
				Object result = attempt(user, () -> visits.addRecipient(plan,
						new VisitViews.RecipientInput(person, kind.name(), null)));
				check(step, "add", expected, result);
				if (expected == null) {
					Listed l = new Listed((Long) result, person, kind, STANDARDS.get(kind));
					listed.put(l.id(), l);
					byPerson.put(person, l);
					outcomes[0]++;
				}
			}
			else if (op < 8) {
				Listed l = new ArrayList<>(listed.values()).get(random.nextInt(listed.size()));
				String form = switch (random.nextInt(3)) {
					case 0 -> null;
					case 1 -> "CASH";
					default -> "GOODS";
				};
				int a = random.nextInt(4);
				BigDecimal amount = switch (a) {
					case 0 -> null;
					case 1 -> l.planned();
					case 2 -> l.planned().subtract(new BigDecimal(random.nextInt(200) + 1));
					default -> l.planned().add(new BigDecimal("0.01"));
				};
				boolean mayRecord = user.equals("admin") || user.equals(adminOf.get(l.person()));
				Class<? extends RuntimeException> expected = !mayRecord ? NotFoundException.class
						: visited.contains(l.id()) ? ConflictException.class
								: a == 3 ? InvalidValueException.class : null;
				Object result = attempt(user, () -> visits.record(new VisitViews.VisitInput(l.id(), today(), "王强", form,
						amount == null ? null : amount.toPlainString(), "米面油", null), null));
				check(step, "record", expected, result);
				if (expected == null) {
					visited.add(l.id());
					BigDecimal paid = amount == null ? l.planned() : amount;
					boolean isCash = form == null ? l.kind() != RecipientKind.RETIRED : form.equals("CASH");
					if (isCash) {
						cash.put(l.id(), paid);
					}
					spent = spent.add(paid);
					outcomes[1]++;
				}
			}
			else if (op < 9) {
				Listed l = new ArrayList<>(listed.values()).get(random.nextInt(listed.size()));
				boolean mayRemove = user.equals("admin") || user.equals(adminOf.get(l.person()));
				Class<? extends RuntimeException> expected = !mayRemove ? NotFoundException.class
						: visited.contains(l.id()) ? BusinessRuleException.class : null;
				Object result = attempt(user, () -> {
					visits.removeRecipient(l.id());
					return l.id();
				});
				check(step, "remove", expected, result);
				if (expected == null) {
					listed.remove(l.id());
					byPerson.remove(l.person());
					removed.add(l.id());
					outcomes[2]++;
				}
			}
			else {
				int v = version;
				BigDecimal raised = budget.add(new BigDecimal("500.00"));
				Object result = attempt("admin", () -> {
					visits.changeBudget(plan, new VisitViews.BudgetInput(raised.toPlainString(), v));
					return raised;
				});
				check(step, "budget", null, result);
				budget = raised;
				version++;
				outcomes[3]++;
			}
		}
		System.out.printf("VisitPayoutPropertyTests: %d added, %d visited, %d removed, %d budget raises%n", outcomes[0],
				outcomes[1], outcomes[2], outcomes[3]);
		assertThat(outcomes[1]).as("enough visits to mean something").isGreaterThan(30);

		for (Listed l : listed.values()) {
			List<Long> entries = entriesOf(l.id());
			if (cash.containsKey(l.id())) {
				assertThat(entries).as("one entry for recipient " + l.id()).hasSize(1);
				long txn = entries.get(0);
				assertThat(line(txn, "RIGHTS")).isEqualByComparingTo(cash.get(l.id()));
				assertThat(line(txn, "BANK")).isEqualByComparingTo(cash.get(l.id()).negate());
				assertThat(jdbc.sql("select txn_id from care_visit where recipient_id = :r").param("r", l.id())
					.query(Long.class).single()).isEqualTo(txn);
			}
			else {
				assertThat(entries).as("no entry for recipient " + l.id()).isEmpty();
			}
		}
		for (long gone : removed) {
			assertThat(entriesOf(gone)).isEmpty();
		}
		BigDecimal journal = jdbc.sql("""
				select coalesce(sum(l.amount), 0) from fin_line l join fin_txn t on t.id = l.txn_id
				where t.source_type = 'CARE_VISIT' and l.account = 'RIGHTS'
				  and t.source_id in (select r.id from care_visit_recipient r where r.plan_id = :p)""")
			.param("p", plan).query(BigDecimal.class).single();
		assertThat(journal).isEqualByComparingTo(cash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		BigDecimal reserved = jdbc.sql("select coalesce(sum(planned_amount), 0) from care_visit_recipient where plan_id = :p")
			.param("p", plan).query(BigDecimal.class).single();
		BigDecimal recorded = jdbc.sql("select coalesce(sum(amount), 0) from care_visit where plan_id = :p")
			.param("p", plan).query(BigDecimal.class).single();
		assertThat(recorded).isEqualByComparingTo(spent);
		assertThat(reserved).isLessThanOrEqualTo(budget);
		assertThat(recorded).isLessThanOrEqualTo(reserved);
	}

	/** The call's result, or the exception it threw. */
	private Object attempt(String user, Callable<Object> call) throws Exception {
		try {
			return as(user, call);
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static void check(int step, String op, Class<? extends RuntimeException> expected, Object result) {
		if (expected == null) {
			assertThat(result).as("step %d %s", step, op).isNotInstanceOf(RuntimeException.class);
		}
		else {
			assertThat(result).as("step %d %s", step, op).isInstanceOf(expected);
		}
	}
}
