/**
 * The organization tree: the work committee, 片组 groups, organs and their unions, league branches
 * and women's committees; affiliation changes kept as history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织管理")
package org.quntuan.organization;
