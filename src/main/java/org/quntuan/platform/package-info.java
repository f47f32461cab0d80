/**
 * Shared building blocks with no business rules: value types, the caller's data scope, web layout
 * and error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台基础", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.quntuan.platform;
