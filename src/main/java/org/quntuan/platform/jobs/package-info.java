/** Scheduled jobs that run once across nodes (ShedLock on the database). */
package org.quntuan.platform.jobs;
