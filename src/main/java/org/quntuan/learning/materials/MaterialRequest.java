package org.quntuan.learning.materials;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Size;

/**
 * A material to publish. {@code body}: the article's HTML (cleaned on the server) or a description;
 * {@code url}: the address of a link or of an external video (http or https only);
 * {@code durationSeconds}: a video's length; {@code tags}: names from the configured list.
 *
 * @param isPublic every signed-in person may study it, not only the audience of an assignment (JSON {@code public})
 */
public record MaterialRequest(String title, String kind, String body, String url, Integer durationSeconds,
		@Size(max = 20) List<String> tags, Integer points, @JsonProperty("public") Boolean isPublic) {
}
