/** Demo data for trying the platform; only under the demo profile, never in production. */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据")
package org.quntuan.demo;
