package org.quntuan.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** A job's runs are timed under its lock name, with the outcome; a failure is counted and thrown on. */
class JobRunsTest {

	static class Jobs {

		@Scheduled(cron = "0 0 9 * * *")
		@SchedulerLock(name = "nightly-sweep")
		public int sweep() {
			return 3;
		}

		@Scheduled(cron = "0 0 9 * * *")
		public void broken() {
			throw new IllegalStateException("the database is gone");
		}

		public void notAJob() {
		}
	}

	@Test
	void runsAreTimedByJobAndOutcome() {
		MeterRegistry registry = new SimpleMeterRegistry();
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("registry", registry);
		ProxyFactory factory = new ProxyFactory(new Jobs());
		factory.setProxyTargetClass(true);
		factory.addAdvisor(JobMetricsConfig.jobRunsAdvisor(beans.getBeanProvider(MeterRegistry.class)));
		Jobs jobs = (Jobs) factory.getProxy();

		assertThat(jobs.sweep()).isEqualTo(3);
		jobs.sweep();
		assertThatThrownBy(jobs::broken).hasMessage("the database is gone");
		jobs.notAJob();

		assertThat(registry.get("quntuan.job.runs").tags("job", "nightly-sweep", "outcome", "success").timer().count())
			.isEqualTo(2);
		assertThat(registry.get("quntuan.job.runs").tags("job", "Jobs.broken", "outcome", "failure").timer().count())
			.isEqualTo(1);
		assertThat(registry.find("quntuan.job.runs").timers()).hasSize(2);
	}
}
