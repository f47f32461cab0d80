/**
 * Online transmission between the federation and the organs: notices with read receipts,
 * material-collection tasks, statistical forms and information reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "网上报送")
package org.quntuan.notice;
