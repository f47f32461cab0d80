package org.quntuan.governance.mailbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chair's mailbox (主席信箱): a member writes to the chair of their organ's union or to the work
 * committee, optionally anonymous; the office assigns and answers within {@code reply-days}; the writer
 * rates the answer. The writer's own actions on an anonymous letter (writing, rating) leave no audit row:
 * the audit log records the actor and address, and the union's admins read it, so it would name the writer
 * the letter hides; the letter's row keeps what happened.
 */
@Service
@Transactional
public class Letters {

	static final String LETTER = "GOV_MAILBOX_LETTER";

	static final int MAX_TEXT = 4000;

	private final LetterRepository letters;

	private final MailboxAccess access;

	private final MailboxNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	private final int replyDays;

	Letters(LetterRepository letters, MailboxAccess access, MailboxNotices notices, AuditLog audit, Clock clock,
			@Value("${quntuan.governance.mailbox.reply-days:15}") int replyDays) {
		if (replyDays < 1 || replyDays > 90) {
			throw new IllegalStateException("quntuan.governance.mailbox.reply-days must be 1 to 90, not " + replyDays);
		}
		this.letters = letters;
		this.access = access;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
		this.replyDays = replyDays;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/**
	 * @param to "union" (or nothing) for the chair of the writer's organ's union, "federation" for the work committee
	 */
	public long write(String category, String text, Boolean anonymous, String to) {
		CurrentUser user = access.current();
		if (user.personId() == null) {
			throw new ForbiddenException("mailbox.error.no-person");
		}
		LetterCategory c = category(category);
		String body = text("text", text, MAX_TEXT, "mailbox.error.text");
		boolean federation;
		if (to == null || to.isBlank() || to.strip().equalsIgnoreCase("union")) {
			federation = false;
		}
		else if (to.strip().equalsIgnoreCase("federation")) {
			federation = true;
		}
		else {
			throw new InvalidValueException("to", "mailbox.error.to");
		}
		LetterRepository.Office office = federation ? letters.root()
				: letters.unionOf(user.personId()).orElseThrow(() -> new BusinessRuleException("mailbox.error.no-union"));
		boolean hidden = Boolean.TRUE.equals(anonymous);
		LocalDate today = today();
		long id = letters.insert(c, body, hidden, federation, office.id(), user.personId(), today, today.plusDays(replyDays));
		if (!hidden) {
			audit.record(AuditType.CREATE, LETTER, id, AuditLog.SUCCESS,
					Texts.chinese("mailbox.audit.written", c.label(), office.name()), office.path());
		}
		notices.received(id, federation, office.id(), c, today.plusDays(replyDays));
		return id;
	}

	/** Gives the letter to someone of the office (an admin of the union, or of the work committee). */
	public void assign(long id, Long accountId, Integer version) {
		CurrentUser user = access.current();
		LetterRepository.LetterRow l = answerable(user, id);
		int expected = Versions.required(version);
		Set<Long> office = notices.office(l);
		if (accountId == null || !office.contains(accountId)) {
			throw new InvalidValueException("assigneeAccountId", "mailbox.error.assignee");
		}
		String name = notices.accountName(accountId);
		if (!letters.assign(id, expected, accountId, name)) {
			throw new ConflictException("mailbox.error.changed");
		}
		audit.record(AuditType.UPDATE, LETTER, id, AuditLog.SUCCESS, Texts.chinese("mailbox.audit.assigned", id, name),
				l.officePath());
		notices.assigned(l, accountId);
	}

	public void reply(long id, String text, Integer version) {
		CurrentUser user = access.current();
		LetterRepository.LetterRow l = answerable(user, id);
		String reply = text("text", text, MAX_TEXT, "mailbox.error.reply");
		int expected = Versions.required(version);
		if (!letters.reply(id, expected, reply, user.displayName(), today())) {
			throw new ConflictException("mailbox.error.changed");
		}
		audit.record(AuditType.UPDATE, LETTER, id, AuditLog.SUCCESS, Texts.chinese("mailbox.audit.replied", id),
				l.officePath());
		notices.replied(l);
	}

	/** The writer rates the answer, once, 1 to 5. */
	public void rate(long id, Integer score, String comment) {
		CurrentUser user = access.current();
		LetterRepository.LetterRow l = access.visible(user, id);
		if (!user.isSelf(l.writerPersonId())) {
			throw new ForbiddenException("mailbox.error.writer-only");
		}
		if (l.status() == LetterStatus.RATED) {
			throw new ConflictException("mailbox.error.rated");
		}
		if (l.status() != LetterStatus.REPLIED) {
			throw new BusinessRuleException("mailbox.error.not-replied");
		}
		if (score == null || score < 1 || score > 5) {
			throw new InvalidValueException("score", "mailbox.error.score");
		}
		String note = comment == null || comment.isBlank() ? null : text("comment", comment, 500, "mailbox.error.comment");
		if (!letters.rate(id, score, note)) {
			throw new ConflictException("mailbox.error.rated");
		}
		if (!l.anonymous()) {
			audit.record(AuditType.UPDATE, LETTER, id, AuditLog.SUCCESS, Texts.chinese("mailbox.audit.rated", id, score),
					l.officePath());
		}
		notices.rated(l, score);
	}

	private LetterRepository.LetterRow answerable(CurrentUser user, long id) {
		LetterRepository.LetterRow l = access.visible(user, id);
		if (!MailboxAccess.answers(user, l)) {
			throw new ForbiddenException("mailbox.error.office-only");
		}
		if (!l.status().open()) {
			throw new ConflictException("mailbox.error.replied");
		}
		return l;
	}

	private static LetterCategory category(String value) {
		try {
			LetterCategory c = Coded.parse(LetterCategory.class, value);
			if (c != null) {
				return c;
			}
		}
		catch (InvalidValueException ex) {
			// named below
		}
		throw new InvalidValueException("category", "mailbox.error.category");
	}

	private static String text(String field, String value, int max, String key) {
		String t = value == null ? null : TextInput.text(field, value);
		if (t == null || t.isBlank() || t.length() > max) {
			throw new InvalidValueException(field, key);
		}
		return t.strip();
	}
}
