package org.quntuan.platform.jobs;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code @Scheduled} method runs through {@link JobRuns}, whether the scheduler or a test calls
 * it. ShedLock's advice is ordered before this one ({@link SchedulingConfig}), so only the node that
 * holds the lock counts a run.
 */
@Configuration(proxyBeanMethods = false)
class JobMetricsConfig {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor jobRunsAdvisor(ObjectProvider<MeterRegistry> registry) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(Scheduled.class), new JobRuns(registry));
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
		return advisor;
	}
}
