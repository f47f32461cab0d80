package org.quntuan.identity;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends password-reset codes after the request has been answered. Looking the account up, issuing
 * the code and sending the text take time only when the account exists; done in the request, the
 * answer's delay told who has an account (about 15 ms against 4 ms). Handed to this small pool, every
 * request answers as soon as the work is queued, whatever the name. A full queue drops the request,
 * as the per-minute limit would: the person asks again.
 */
@Component
class ResetCodeSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ResetCodeSender.class);

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ResetCodeSender() {
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(1_000);
		executor.setThreadNamePrefix("reset-code-");
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		executor.initialize();
	}

	void submit(Runnable work) {
		executor.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("password-reset code not sent: {}", ex.toString());
			}
		});
	}

	/** Waits until every queued code has been handled (for shutdown and for tests that read the text). */
	boolean awaitIdle(Duration timeout) throws InterruptedException {
		ThreadPoolExecutor pool = executor.getThreadPoolExecutor();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}
}
