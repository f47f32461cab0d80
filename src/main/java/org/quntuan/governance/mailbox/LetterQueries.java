package org.quntuan.governance.mailbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.Coded;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the mailbox: the office's board, the writer's own letters, one letter, the yearly summary. */
@Service
@Transactional(readOnly = true)
public class LetterQueries {

	/** A category's figures in a year. */
	public record SummaryRow(CodeLabel category, long letters, long replied, long overdue, long rated,
			BigDecimal averageRating) {
	}

	public record Summary(int year, List<SummaryRow> rows, SummaryRow totals) {
	}

	/** Someone of the office a letter may be given to. */
	public record Assignee(long accountId, String name) {
	}

	private final LetterRepository letters;

	private final MailboxAccess access;

	private final MailboxNotices notices;

	private final Clock clock;

	LetterQueries(LetterRepository letters, MailboxAccess access, MailboxNotices notices, Clock clock) {
		this.letters = letters;
		this.access = access;
		this.notices = notices;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Whether the caller is in a chair's office (the board, the summary). */
	public boolean office() {
		return MailboxAccess.office(access.current());
	}

	/** The letters to the caller's offices, newest first; 403 for those in none. */
	public PageResult<LetterView> board(String status, PageRequest page) {
		CurrentUser user = access.current();
		if (!MailboxAccess.office(user)) {
			throw new ForbiddenException("mailbox.error.office-only");
		}
		LetterStatus s = status(status);
		LocalDate today = today();
		return letters.board(access.board(user), s, page)
			.map(l -> LetterView.of(l, user.isSelf(l.writerPersonId()), MailboxAccess.answers(user, l), today));
	}

	public PageResult<LetterView> mine(PageRequest page) {
		CurrentUser user = access.current();
		if (user.personId() == null) {
			return PageResult.of(List.of(), page, 0);
		}
		LocalDate today = today();
		return letters.ofWriter(user.personId(), page).map(l -> LetterView.of(l, true, MailboxAccess.answers(user, l), today));
	}

	public LetterView letter(long id) {
		CurrentUser user = access.current();
		LetterRepository.LetterRow l = access.visible(user, id);
		return LetterView.of(l, user.isSelf(l.writerPersonId()), MailboxAccess.answers(user, l), today());
	}

	/** The people of the office who may take the letter, for those who answer it. */
	public List<Assignee> assignees(long id) {
		CurrentUser user = access.current();
		LetterRepository.LetterRow l = access.visible(user, id);
		if (!MailboxAccess.answers(user, l) || !l.status().open()) {
			return List.of();
		}
		return notices.office(l).stream().map(a -> new Assignee(a, notices.accountName(a))).toList();
	}

	/** Per category, the letters written in the year to the caller's offices (the city's for the work committee). */
	public Summary summary(Integer year) {
		CurrentUser user = access.current();
		if (!MailboxAccess.office(user)) {
			throw new ForbiddenException("mailbox.error.office-only");
		}
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "mailbox.error.year");
		}
		Map<String, Object[]> found = new HashMap<>();
		for (Object[] r : letters.summary(access.summary(user), LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1), today())) {
			found.put((String) r[0], r);
		}
		List<SummaryRow> rows = new ArrayList<>();
		long[] sums = new long[5];
		for (LetterCategory c : LetterCategory.values()) {
			Object[] r = found.getOrDefault(c.name(), new Object[] { c.name(), 0L, 0L, 0L, 0L, 0L });
			long[] v = { (Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4], (Long) r[5] };
			for (int i = 0; i < 5; i++) {
				sums[i] += v[i];
			}
			rows.add(row(c.toCodeLabel(), v));
		}
		return new Summary(y, rows, row(null, sums));
	}

	private static SummaryRow row(CodeLabel category, long[] v) {
		BigDecimal average = v[3] == 0 ? null
				: BigDecimal.valueOf(v[4]).divide(BigDecimal.valueOf(v[3]), 2, RoundingMode.HALF_UP);
		return new SummaryRow(category, v[0], v[1], v[2], v[3], average);
	}

	private static LetterStatus status(String value) {
		try {
			return Coded.parse(LetterStatus.class, value);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("status", "mailbox.error.status");
		}
	}
}
