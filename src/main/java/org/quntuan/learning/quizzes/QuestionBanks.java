package org.quntuan.learning.quizzes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Question banks: creating one, adding a question, importing many from Excel (all or none: every row
 * is checked first, a single bad row stores nothing), the template.
 */
@Service
@Transactional
class QuestionBanks {

	static final int MAX_ROWS = 5000;

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final int COLUMNS_READ = 30;

	private final QuestionBankRepository banks;

	private final QuizAccess access;

	private final AuditLog audit;

	private final Clock clock;

	QuestionBanks(QuestionBankRepository banks, QuizAccess access, AuditLog audit, Clock clock) {
		this.banks = banks;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	long create(String rawName, Long orgId) {
		CurrentUser user = access.requireAdmin();
		String name = TextInput.name("name", rawName);
		if (name == null || name.length() > 100) {
			throw new InvalidValueException("name", "quiz.error.bank-name");
		}
		OrgSummary owner = access.ownerFor(user, orgId);
		long id = banks.insert(name, owner.id(), user.accountId(), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, "QUIZ_BANK", id, AuditLog.SUCCESS, Texts.chinese("quiz.audit.bank-created", name), owner.path());
		return id;
	}

	/** One question given through the API, checked by the same rules as an imported row. */
	long addQuestion(long bankId, Map<QuestionColumn, String> cells) {
		QuestionBankRepository.BankRef bank = access.bank(bankId);
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		QuestionValues q = QuestionImportCheck.question(cells,
				(c, m) -> problems.add(new InvalidValueException.Problem(c.header(), m)));
		if (q == null) {
			throw new InvalidValueException(problems);
		}
		banks.lock(bankId);
		if (banks.keys(bankId).contains(q.type() + ":" + q.text())) {
			throw new InvalidValueException("text", "quiz.check.duplicate-in-bank");
		}
		banks.insertQuestions(bankId, List.of(q), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, "QUIZ_BANK", bankId, AuditLog.SUCCESS,
				Texts.chinese("quiz.audit.question-added", bank.name(), q.type()), bank.ownerPath());
		return bankId;
	}

	/** Checks every row; with {@code dryRun} false and no problem, stores them all. */
	QuestionImportCheck.Result importFile(long bankId, MultipartFile file, boolean dryRun) {
		QuestionBankRepository.BankRef bank = access.bank(bankId);
		Path path = receive(file);
		try {
			List<QuestionImportCheck.Row> rows = read(path);
			banks.lock(bankId);
			QuestionImportCheck.Result result = QuestionImportCheck.check(rows, new HashSet<>(banks.keys(bankId)));
			if (!result.ok()) {
				return result;
			}
			if (!dryRun) {
				banks.insertQuestions(bankId, result.values(), OffsetDateTime.now(clock));
				audit.record(AuditType.CREATE, "QUIZ_BANK", bankId, AuditLog.SUCCESS, Texts.chinese("quiz.audit.imported", bank.name(),
						result.values().size(), file.getOriginalFilename() == null ? ""
								: Texts.chinese("quiz.audit.imported.file", file.getOriginalFilename())), bank.ownerPath());
			}
			return result;
		}
		finally {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// the temporary directory is cleaned by the system
			}
		}
	}

	@Transactional(readOnly = true)
	byte[] template() {
		access.requireAdmin();
		return QuestionTemplate.build(MAX_ROWS);
	}

	@Transactional(readOnly = true)
	PageResult<QuestionBankRepository.BankSummary> list(PageRequest page) {
		CurrentUser user = access.requireAdmin();
		return banks.list(access.administeredSql(user, "bk"), page);
	}

	@Transactional(readOnly = true)
	PageResult<QuestionBankRepository.QuestionRow> questions(long bankId, PageRequest page) {
		access.bank(bankId);
		return banks.questions(bankId, page);
	}

	@Transactional(readOnly = true)
	Map<QuestionType, Integer> counts(long id) {
		access.bank(id);
		return new EnumMap<>(banks.counts(id));
	}

	private Path receive(MultipartFile file) {
		if (file == null) {
			throw new InvalidValueException("file", "quiz.error.file-required");
		}
		if (file.isEmpty()) {
			throw new InvalidValueException("file", "quiz.error.file-empty");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new ExcelFileException(ExcelFileException.Reason.TOO_LARGE, Texts.localized("quiz.error.file-too-large"));
		}
		try {
			Path target = Files.createTempFile("quiz-import-", ".xlsx");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<QuestionImportCheck.Row> read(Path file) {
		List<QuestionImportCheck.Row> rows = new ArrayList<>();
		List<Map<QuestionColumn, Integer>> header = new ArrayList<>(1);
		XlsxReader.read(file, COLUMNS_READ, row -> {
			if (header.isEmpty()) {
				header.add(QuestionImportCheck.columns(row));
				return;
			}
			if (rows.size() >= MAX_ROWS) {
				throw new ExcelFileException(ExcelFileException.Reason.TOO_MANY_ROWS,
						Texts.localized("quiz.error.file-too-many-rows", MAX_ROWS));
			}
			rows.add(QuestionImportCheck.row(row, header.get(0)));
		});
		if (rows.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT,
					Texts.localized("quiz.error.file-no-rows"));
		}
		return rows;
	}
}
