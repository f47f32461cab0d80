package org.quntuan.learning.materials;

/**
 * A topic tag got a new name. Materials refer to tags by id and follow by themselves; question banks keep
 * tag names as text and rename theirs on this event (in the same transaction).
 */
public record TopicTagRenamed(long tagId, String oldName, String newName) {
}
