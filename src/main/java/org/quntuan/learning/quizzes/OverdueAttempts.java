package org.quntuan.learning.quizzes;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Attempts left open when the phone went away are closed once their time (with the grace) is over,
 * graded with the answers saved, so that they count on the leaderboard. Each is closed by the same
 * conditional update as a submission, so a submission racing the job grades it once.
 */
@Component
class OverdueAttempts {

	private final QuizAttempts attempts;

	OverdueAttempts(QuizAttempts attempts) {
		this.attempts = attempts;
	}

	/** @return how many attempts were closed */
	@Scheduled(cron = "${quntuan.jobs.quiz-overdue-attempts:0 * * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "quiz-overdue-attempts")
	public Integer closeOverdue() {
		return attempts.closeOverdue(500);
	}
}
