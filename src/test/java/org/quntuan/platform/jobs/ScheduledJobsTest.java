package org.quntuan.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every job runs once across nodes and really runs: the tests switch scheduling and ShedLock off and
 * call the job methods directly, so they cannot see what ShedLock's advice refuses at run time. It
 * refuses a method returning a primitive (on a node without the lock it has nothing to return), and
 * then the job fails on every node at every firing.
 */
class ScheduledJobsTest {

	private static List<Method> scheduledMethods() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		List<Method> methods = new ArrayList<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("org.quntuan")) {
			for (Method m : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
				if (m.isAnnotationPresent(Scheduled.class)) {
					methods.add(m);
				}
			}
		}
		return methods;
	}

	@Test
	void everyJobHoldsALockAndReturnsNothingOrAnObject() throws ClassNotFoundException {
		List<Method> jobs = scheduledMethods();
		assertThat(jobs).as("the jobs of the platform").hasSizeGreaterThanOrEqualTo(9);
		assertThat(jobs).allSatisfy(m -> {
			assertThat(m.isAnnotationPresent(SchedulerLock.class)).as(m + " runs once across nodes").isTrue();
			assertThat(!m.getReturnType().isPrimitive() || m.getReturnType() == void.class)
				.as(m + " returns no primitive (ShedLock refuses it at run time)").isTrue();
		});
	}
}
