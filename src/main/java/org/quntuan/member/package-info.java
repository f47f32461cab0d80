/** People: the registry of staff, their organ, union and league membership, lookup and scope. */
@org.springframework.modulith.ApplicationModule(displayName = "人员管理")
package org.quntuan.member;
