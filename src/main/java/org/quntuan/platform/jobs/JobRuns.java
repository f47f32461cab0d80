package org.quntuan.platform.jobs;

import java.lang.reflect.Method;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Times every run of a scheduled job method as {@code quntuan.job.runs} with the tags {@code job}
 * (the ShedLock name) and {@code outcome} ({@code success} or {@code failure}); in Prometheus
 * {@code quntuan_job_runs_seconds_count}. It sits inside the lock, so a node that did not get the
 * lock records no run. A failure is logged with the job's name and thrown on.
 */
final class JobRuns implements MethodInterceptor {

	private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

	private final ObjectProvider<MeterRegistry> registry;

	JobRuns(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		MeterRegistry meters = registry.getIfAvailable();
		if (meters == null) {
			return invocation.proceed();
		}
		String job = name(invocation);
		Timer.Sample sample = Timer.start(meters);
		String outcome = "failure";
		try {
			Object result = invocation.proceed();
			outcome = "success";
			return result;
		}
		catch (Throwable ex) {
			log.error("job {} failed", job, ex);
			throw ex;
		}
		finally {
			sample.stop(Timer.builder("quntuan.job.runs")
				.description("Runs of the scheduled jobs on this node, by outcome")
				.tag("job", job)
				.tag("outcome", outcome)
				.register(meters));
		}
	}

	static String name(MethodInvocation invocation) {
		Method method = invocation.getThis() == null ? invocation.getMethod()
				: AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(invocation.getThis()));
		SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
		return lock != null && !lock.name().isBlank() ? lock.name()
				: method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}
}
