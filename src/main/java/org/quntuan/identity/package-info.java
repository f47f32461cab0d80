/**
 * Accounts, role bindings (a role at an organization), sign-in with lockout, API tokens and the
 * current user's data scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "账号与权限")
package org.quntuan.identity;
