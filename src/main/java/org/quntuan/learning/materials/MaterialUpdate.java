package org.quntuan.learning.materials;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A material's new title, body (an article's HTML, cleaned on the server again) and tags (names; the retired
 * tags it carries may stay). {@code version}: the one read, refused with 409 if someone changed it since (optional).
 */
public record MaterialUpdate(String title, String body, @Size(max = 20) List<String> tags, Integer version) {
}
