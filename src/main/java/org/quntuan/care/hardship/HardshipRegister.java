package org.quntuan.care.hardship;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hardship register (困难职工档案) as other parts of care read it: who qualifies. An entry qualifies
 * until its review date (inclusive); one past it is flagged and stops qualifying until it is reviewed.
 * This is the one place that rule is written for readers outside care.hardship (visits take 困难会员 from here).
 */
@Component
public class HardshipRegister {

	private final JdbcClient jdbc;

	HardshipRegister(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether an entry reviewed on {@code reviewDate} still qualifies on {@code on}. */
	static boolean qualifies(LocalDate reviewDate, LocalDate on) {
		return !reviewDate.isBefore(on);
	}

	/**
	 * The people with an entry that qualifies on the day, among the active people the condition over
	 * {@code person p} admits, in id order.
	 */
	public List<Long> qualifyingPeople(SqlCondition people, LocalDate on) {
		return jdbc.sql("""
				select c.person_id from care_hardship_case c join person p on p.id = c.person_id
				where c.review_date >= :hardshipOn and p.active = true and """ + people.sql() + " order by c.person_id")
			.params(people.paramsWith("hardshipOn", on)).query(Long.class).list();
	}
}
