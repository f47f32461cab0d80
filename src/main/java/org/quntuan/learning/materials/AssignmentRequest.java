package org.quntuan.learning.materials;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.quntuan.organization.Targets;

/**
 * An assignment (学习任务): materials sent to targets (the same value as notices) with a due date.
 *
 * @param title optional; without it the first material's title names the assignment
 */
public record AssignmentRequest(String title, @Size(max = Assignments.MAX_MATERIALS) List<Long> materialIds,
		Targets targets, LocalDate dueDate) {
}
