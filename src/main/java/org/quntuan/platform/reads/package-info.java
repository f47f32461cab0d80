/**
 * Heavy reads (statements, boards, exports) on an optional read-only standby of the database.
 */
package org.quntuan.platform.reads;
