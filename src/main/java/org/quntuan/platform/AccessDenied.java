package org.quntuan.platform;

/**
 * Published when a request is refused (403) or asks for an object out of the caller's scope (404),
 * so that the audit module can log it without the web layer knowing the audit module.
 */
public record AccessDenied(String method, String path, int status, String reason) {
}
