package org.quntuan.governance.mailbox;

import java.time.LocalDate;

import org.quntuan.platform.CodeLabel;

/**
 * A letter as its reader may see it. For an anonymous letter the writer's name and organ are null for
 * everyone but the writer; no view carries the moment of writing, only the day.
 *
 * @param toFederation written to the work committee rather than the union's chair
 * @param overdue open and past its day
 */
public record LetterView(long id, CodeLabel category, String text, boolean anonymous, boolean toFederation,
		String officeName, String writerName, String writerOrganName, CodeLabel status, String assigneeName,
		LocalDate writtenOn, LocalDate dueOn, boolean overdue, boolean escalated, String reply, String replierName,
		LocalDate repliedOn, Integer rating, String ratingComment, int version, boolean mine, boolean canAnswer,
		boolean canRate) {

	static LetterView of(LetterRepository.LetterRow l, boolean mine, boolean answers, LocalDate today) {
		boolean named = mine || !l.anonymous();
		return new LetterView(l.id(), l.category().toCodeLabel(), l.body(), l.anonymous(), l.toFederation(), l.officeName(),
				named ? l.writerName() : null, named ? l.writerOrganName() : null, l.status().toCodeLabel(),
				l.assigneeName(), l.writtenOn(), l.dueOn(), l.status().open() && l.dueOn().isBefore(today), l.escalated(),
				l.reply(), l.replierName(), l.repliedOn(), l.rating(), l.ratingComment(), l.version(), mine,
				answers && l.status().open(), mine && l.status() == LetterStatus.REPLIED);
	}
}
