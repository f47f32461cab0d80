package org.quntuan.care.hardship;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hardship register (困难职工档案): an admin who administers a person enters them once, reviews the
 * entry yearly (a review moves the review date on by {@code review-months}) and adds documents. Every
 * change is audited; the household details are not written into the audit text.
 */
@Service
@Transactional
class HardshipCases {

	static final String CASE_OWNER = "CARE_HARDSHIP_CASE";

	static final Set<FileKind> DOCUMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG);

	static final int MAX_DOCUMENTS = 20;

	private final HardshipRepository repository;

	private final HardshipAccess access;

	private final HardshipSettings settings;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	HardshipCases(HardshipRepository repository, HardshipAccess access, HardshipSettings settings, FileStorage files,
			AuditLog audit, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.settings = settings;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Enters a person in the register with the documents (none is fine); all or nothing. */
	long create(HardshipViews.CaseInput input, List<HardshipViews.Upload> documents) {
		access.requireKeeper();
		if (input == null || input.personId() == null) {
			throw new InvalidValueException("personId", "hardship.error.no-person");
		}
		access.requireKept(input.personId());
		HardshipRepository.CaseFields fields = check(input);
		HardshipRepository.Union union = repository.unionOf(input.personId())
			.orElseThrow(() -> new BusinessRuleException("hardship.error.no-union"));
		if (repository.caseOf(input.personId()).isPresent()) {
			throw new ConflictException("hardship.error.case-exists");
		}
		long id;
		try {
			id = repository.insertCase(input.personId(), union, fields, access.user().accountId(), OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("hardship.error.case-exists");
		}
		storeAll(id, documents);
		String name = repository.personName(input.personId()).orElse("");
		audit.record(AuditType.CREATE, CASE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.case-created", name, Text.label(fields.level())), union.path());
		return id;
	}

	/** The yearly review: the entry as it is now, qualifying again until the new review date. */
	void review(long id, HardshipViews.CaseInput input) {
		HardshipRepository.CaseRow row = repository.findCase(id).orElseThrow(NotFoundException::new);
		access.requireSeen(row.personId());
		access.requireKept(row.personId());
		if (input == null || input.version() == null) {
			throw new InvalidValueException("version", "hardship.error.no-version");
		}
		HardshipRepository.CaseFields fields = check(input);
		if (!repository.updateCase(id, input.version(), fields, OffsetDateTime.now(clock))) {
			throw new ConflictException("hardship.error.stale");
		}
		audit.record(AuditType.UPDATE, CASE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("hardship.audit.case-reviewed",
				row.personName(), Text.label(fields.level()), fields.reviewDate().toString()), row.orgPath());
	}

	StoredFile attach(long id, HardshipViews.Upload upload) {
		HardshipRepository.CaseRow row = repository.lockCase(id).orElseThrow(NotFoundException::new);
		access.requireSeen(row.personId());
		access.requireKept(row.personId());
		if (upload == null || upload.content() == null) {
			throw new InvalidValueException("file", "hardship.error.no-file");
		}
		if (files.countOfOwner(CASE_OWNER, id) >= MAX_DOCUMENTS) {
			throw new BusinessRuleException("hardship.error.too-many-documents", MAX_DOCUMENTS);
		}
		StoredFile stored = files.store(CASE_OWNER, id, upload.name(), upload.content(), upload.size(), DOCUMENT_KINDS);
		audit.record(AuditType.CREATE, CASE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.document", row.personName(), stored.originalName()), row.orgPath());
		return stored;
	}

	private void storeAll(long id, List<HardshipViews.Upload> documents) {
		List<HardshipViews.Upload> uploads = documents == null ? List.of() : documents;
		if (uploads.size() > MAX_DOCUMENTS) {
			throw new InvalidValueException("file", Text.of("hardship.error.too-many-documents", MAX_DOCUMENTS));
		}
		for (HardshipViews.Upload u : uploads) {
			files.store(CASE_OWNER, id, u.name(), u.content(), u.size(), DOCUMENT_KINDS);
		}
	}

	private HardshipRepository.CaseFields check(HardshipViews.CaseInput input) {
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		Set<HardshipCause> causes = new LinkedHashSet<>();
		if (input.causes() != null) {
			for (String c : input.causes()) {
				try {
					HardshipCause cause = Coded.parse(HardshipCause.class, c);
					if (cause != null) {
						causes.add(cause);
					}
				}
				catch (InvalidValueException ex) {
					problems.add(new InvalidValueException.Problem("causes", Text.of("hardship.error.cause", String.valueOf(c))));
				}
			}
		}
		if (causes.isEmpty() && problems.isEmpty()) {
			problems.add(new InvalidValueException.Problem("causes", "hardship.error.no-cause"));
		}
		Integer household = input.householdSize();
		if (household == null || household < 1 || household > 30) {
			problems.add(new InvalidValueException.Problem("householdSize", "hardship.error.household"));
		}
		BigDecimal income = null;
		try {
			income = Amounts.nonNegative("incomePerHead", input.incomePerHead());
		}
		catch (InvalidValueException ex) {
			problems.addAll(ex.problems());
		}
		HardshipLevel level = null;
		try {
			level = Coded.parse(HardshipLevel.class, input.level());
		}
		catch (InvalidValueException ex) {
			// reported below as the missing level
		}
		if (level == null) {
			problems.add(new InvalidValueException.Problem("level", "hardship.error.level"));
		}
		LocalDate today = today();
		LocalDate review = input.reviewDate() == null ? today.plusMonths(settings.reviewMonths()) : input.reviewDate();
		if (review.isBefore(today) || review.isAfter(today.plusMonths(settings.reviewMonths()))) {
			problems.add(new InvalidValueException.Problem("reviewDate",
					Text.of("hardship.error.review-date", settings.reviewMonths())));
		}
		String note = TextInput.normalize(input.note());
		if (note != null && note.length() > 1000) {
			problems.add(new InvalidValueException.Problem("note", "hardship.error.note-too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		return new HardshipRepository.CaseFields(List.copyOf(causes), household, income, level, review, note);
	}
}
