package org.quntuan.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Dropping what a cache holds when the data behind it changes: at once, and again when the
 * surrounding transaction ends, so that a reader who refilled the cache from the old rows before
 * the commit does not leave them there.
 */
public final class Invalidation {

	private Invalidation() {
	}

	public static void nowAndAtTransactionEnd(Runnable drop) {
		drop.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop.run();
				}
			});
		}
	}
}
