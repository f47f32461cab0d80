package org.quntuan.governance;

import java.time.LocalDate;

/** A resolution (决议事项) taken at a meeting: what, who carries it out, by when. */
public record ResolutionForm(String content, Long ownerId, LocalDate dueDate) {
}
