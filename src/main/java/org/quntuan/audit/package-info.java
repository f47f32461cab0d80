/** The append-only operation log and the log of whole views of personal data. */
@org.springframework.modulith.ApplicationModule(displayName = "审计日志")
package org.quntuan.audit;
