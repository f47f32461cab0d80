package org.quntuan.governance.mailbox;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.platform.Zones;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning: open letters due within {@value #DAYS_AHEAD} days remind their office once; open letters
 * past their day are escalated to the work committee once (they appear on its board and it may answer).
 */
@Component
public class MailboxReminders {

	static final int DAYS_AHEAD = 3;

	/** What one run did. */
	public record Run(int reminded, int escalated) {
	}

	private final LetterRepository letters;

	private final MailboxNotices notices;

	private final Clock clock;

	MailboxReminders(LetterRepository letters, MailboxNotices notices, Clock clock) {
		this.letters = letters;
		this.notices = notices;
		this.clock = clock;
	}

	@Scheduled(cron = "${quntuan.jobs.mailbox-reminders:0 40 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "mailbox-reminders")
	@Transactional
	public Run remind() {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int reminded = 0;
		for (LetterRepository.LetterRow l : letters.dueUnreminded(today.plusDays(DAYS_AHEAD))) {
			if (!l.dueOn().isBefore(today) && letters.markReminded(l.id())) {
				notices.due(l);
				reminded++;
			}
		}
		int escalated = 0;
		for (LetterRepository.LetterRow l : letters.overdueUnescalated(today)) {
			if (letters.markEscalated(l.id())) {
				notices.escalated(l);
				escalated++;
			}
		}
		return new Run(reminded, escalated);
	}
}
