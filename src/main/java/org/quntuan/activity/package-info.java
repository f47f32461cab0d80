/**
 * Activities: registration with a wait list that never oversells, check-in, feedback, the
 * 四季有你 seasonal series, clubs and the year-end ranking of the 片组 groups.
 */
@org.springframework.modulith.ApplicationModule(displayName = "活动")
package org.quntuan.activity;
