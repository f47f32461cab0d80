package org.quntuan.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditOrgPaths;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registers many people from an Excel file, all or none: a check that writes nothing, and an import
 * that checks again and writes every row in one transaction, or nothing when a single row is wrong.
 * An import only creates people; someone already registered is an error of their row.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
class MemberImport {

	/** Cells to the right of this are not read: the template has ten columns. */
	private static final int COLUMNS_READ = 40;

	private final OrganizationQueries orgs;

	private final CurrentUserProvider users;

	private final PersonBatch batch;

	private final AuditLog audit;

	private final Clock clock;

	private final ImportSettings settings;

	private final Path uploads;

	private final MemberQueries people;

	private final PendingImports pending;

	MemberImport(OrganizationQueries orgs, CurrentUserProvider users, PersonBatch batch, AuditLog audit, Clock clock,
			ImportSettings settings, MemberQueries people, PendingImports pending) throws IOException {
		this.people = people;
		this.pending = pending;
		this.orgs = orgs;
		this.users = users;
		this.batch = batch;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.uploads = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "quntuan-import"));
		removeStaleUploads();
	}

	ImportSettings settings() {
		return settings;
	}

	/** Refused before the file is looked at, so that who may not import learns nothing of it. */
	public CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("member.import.forbidden");
		}
		return user;
	}

	/** The template, with the organs the caller may import into. */
	public byte[] template() {
		requireAdmin();
		return ImportTemplate.build(organs(), settings.maxRows(), settings.maxFileSize().toMegabytes());
	}

	/**
	 * Keeps an upload in a file of its own for the request that reads it, once its size is known to be
	 * acceptable; what waits for a confirmation goes to the database ({@link #keep}).
	 */
	public Path receive(MultipartFile file) {
		if (file == null) {
			throw new InvalidValueException("file", "member.import.file-missing");
		}
		if (file.isEmpty()) {
			throw new InvalidValueException("file", "member.import.file-empty");
		}
		if (file.getSize() > settings.maxFileSize().toBytes()) {
			throw new ExcelFileException(ExcelFileException.Reason.TOO_LARGE,
					Text.of("member.import.file-too-large", settings.maxFileSize().toMegabytes()));
		}
		try {
			Path target = Files.createTempFile(uploads, "import-", ".xlsx");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads and checks every row; writes nothing. */
	@Transactional(readOnly = true)
	public ImportCheck.Result check(Path file) {
		CurrentUser user = requireAdmin();
		return logTakenElsewhere(user, ImportCheck.check(read(file), context(user)), "member.import.step.check");
	}

	/** Checks again and, if every row is right, registers them all; otherwise writes nothing. */
	@Transactional
	public ImportCheck.Result importAll(Path file, String fileName) {
		CurrentUser user = requireAdmin();
		ImportCheck.Result result = ImportCheck.check(read(file), context(user));
		if (!result.ok()) {
			return logTakenElsewhere(user, result, "member.import.step.import");
		}
		int imported;
		try {
			imported = batch.insertAll(result.values(), OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("member.import.taken-meanwhile");
		}
		audit.record(AuditType.CREATE, "PERSON_IMPORT", null, AuditLog.SUCCESS,
				fileName == null ? Texts.chinese("member.import.audit.imported", imported)
						: Texts.chinese("member.import.audit.imported-file", imported, fileName),
				AuditOrgPaths.commonAncestor(orgs
					.findAll(result.values().stream().map(PersonValues::organId).distinct().toList())
					.stream().map(OrgSummary::path).toList()));
		return result;
	}

	/** A checked file waits for the caller's confirmation, on whichever node it comes. @return its token */
	@Transactional
	public String keep(Path file, String fileName) {
		CurrentUser user = requireAdmin();
		try {
			return pending.keep(user.accountId(), fileName, Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A confirmed import of a kept file: what the second check found, under the file's name. */
	record Confirmed(ImportCheck.Result result, String fileName) {
	}

	/**
	 * Imports the caller's kept file, checked again, all or nothing; the file is forgotten when every
	 * row went in. The kept row stays locked until the commit, so a second confirmation of the same
	 * token waits and then finds nothing.
	 *
	 * @throws PendingImportGone when the token is unknown, another account's or too old
	 */
	@Transactional
	public Confirmed importPending(String token) {
		CurrentUser user = requireAdmin();
		PendingImports.Upload upload = pending.lock(token, user.accountId())
			.orElseThrow(() -> new PendingImportGone(false));
		if (upload.expired()) {
			throw new PendingImportGone(true);
		}
		Path file = write(upload.content());
		try {
			ImportCheck.Result result = importAll(file, upload.fileName());
			if (result.ok()) {
				pending.remove(token, user.accountId());
			}
			return new Confirmed(result, upload.fileName());
		}
		finally {
			discard(file);
		}
	}

	/** The caller no longer wants the kept file (cancelled or replaced by another upload). */
	@Transactional
	public void dropPending(String token) {
		pending.remove(token, requireAdmin().accountId());
	}

	private Path write(byte[] content) {
		try {
			return Files.write(Files.createTempFile(uploads, "import-", ".xlsx"), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<ImportCheck.Row> read(Path file) {
		List<ImportCheck.Row> rows = new ArrayList<>();
		List<Map<ImportColumn, Integer>> header = new ArrayList<>(1);
		XlsxReader.read(file, COLUMNS_READ, row -> {
			if (header.isEmpty()) {
				header.add(ImportCheck.columns(row));
				return;
			}
			if (rows.size() >= settings.maxRows()) {
				throw new ExcelFileException(ExcelFileException.Reason.TOO_MANY_ROWS,
						Text.of("member.import.too-many-rows", settings.maxRows()));
			}
			rows.add(ImportCheck.row(row, header.get(0)));
		});
		if (rows.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT,
					"member.import.no-rows");
		}
		return rows;
	}

	private ImportCheck.Context context(CurrentUser user) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		SqlCondition own = people.administeredPeople("own");
		return new ImportCheck.Context(user.scope().adminGrants(), organs(), today, batch::takenIdNumbers,
				batch::takenMobiles, ids -> batch.takenIdNumbersOf(ids, own), mobiles -> batch.takenMobilesOf(mobiles, own));
	}

	/**
	 * Logs, where the admins of the people concerned see it (not in the caller's own log), that a file
	 * held the numbers of people beyond the caller's reach; the caller was told only "out of scope".
	 */
	private ImportCheck.Result logTakenElsewhere(CurrentUser user, ImportCheck.Result result, String step) {
		if (result.takenElsewhere().isEmpty()) {
			return result;
		}
		List<String> ids = result.takenElsewhere().stream().filter(v -> v.length() == 18).toList();
		List<String> mobiles = result.takenElsewhere().stream().filter(v -> v.length() != 18).toList();
		for (PersonBatch.Holder holder : batch.holders(ids, mobiles)) {
			audit.recordIndependently(AuditType.ACCESS_DENIED, null, user.username(), "PERSON", holder.id(),
					AuditLog.FAILURE, Texts.chinese("member.import.audit.taken-elsewhere", Text.of(step)),
					orgs.find(holder.organId()).map(OrgSummary::path).orElse(null));
		}
		return result;
	}

	/** Active organs the caller administers people of, directly or through one of its mass organizations. */
	private List<OrgSummary> organs() {
		return orgs.organsForPeopleAdministration()
			.stream()
			.filter(o -> o.type() == OrgType.ORGAN && o.active())
			.toList();
	}

	void discard(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover is removed on the next start
		}
	}

	/** Files of requests cut short when the server stopped. */
	private void removeStaleUploads() throws IOException {
		Instant dayAgo = Instant.now(clock).minus(1, ChronoUnit.DAYS);
		try (Stream<Path> files = Files.list(uploads)) {
			files.filter(f -> {
				try {
					return Files.getLastModifiedTime(f).toInstant().isBefore(dayAgo);
				}
				catch (IOException ex) {
					return false;
				}
			}).forEach(this::discard);
		}
	}
}
