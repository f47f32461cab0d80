/**
 * Notifications to accounts: the in-app inbox, e-mail, and channels for SMS and WeChat, each sent
 * once per triggering event however many nodes handle it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "消息通知")
package org.quntuan.notification;
