package org.quntuan.platform;

/** How an enum value travels in the API: a stable code and its Chinese label. */
public record CodeLabel(String code, String label) {
}
