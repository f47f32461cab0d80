/** Meetings (例会) with minutes and resolutions, and the annual report to the party committee. */
@org.springframework.modulith.ApplicationModule(displayName = "组织建设")
package org.quntuan.governance;
