package org.quntuan.learning.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.learning.LearningTexts;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing study materials and earning their completion: the first opening is recorded by the
 * server's clock, and 学完 counts only once the material's reading time has passed since then; each
 * completion gives its points once (a unique key per material and person).
 */
@Service
@Transactional
public class Materials {

	static final String OWNER = "LEARNING_MATERIAL";

	static final int MAX_BODY = 100_000;

	static final int DEFAULT_POINTS = 1;

	private final MaterialRepository materials;

	private final MaterialAccess access;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final Clock clock;

	Materials(MaterialRepository materials, MaterialAccess access, FileStorage files, CurrentUserProvider users,
			AuditLog audit, Clock clock) {
		this.materials = materials;
		this.access = access;
		this.files = files;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** What 学完 answered: whether this call earned the points, and the points the completion holds. */
	public record Completion(boolean earned, int points, OffsetDateTime completedAt) {
	}

	/** Publishes a material in the name of the highest org the caller administers; returns its id. */
	public long create(MaterialRequest request) {
		CurrentUser user = users.current();
		ScopeGrant owner = owner(user);
		String title = TextInput.name("title", request.title());
		if (title == null) {
			throw new InvalidValueException("title", "learning.error.title-required");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "learning.error.title-too-long");
		}
		if (request.kind() == null || request.kind().isBlank()) {
			throw new InvalidValueException("kind", "learning.error.kind-required");
		}
		MaterialKind kind = kind(request.kind());
		String body = MaterialHtml.sanitize(TextInput.text("body", request.body()));
		if (body.length() > MAX_BODY) {
			throw new InvalidValueException("body", "learning.error.body-too-long");
		}
		String text = MaterialHtml.text(body);
		if (kind == MaterialKind.ARTICLE && text.isEmpty()) {
			throw new InvalidValueException("body", "learning.error.body-required");
		}
		String url = url(kind, request.url());
		Integer duration = duration(kind, request.durationSeconds());
		int points = request.points() == null ? DEFAULT_POINTS : request.points();
		if (points < 0 || points > 100) {
			throw new InvalidValueException("points", "learning.error.points-range");
		}
		List<Long> tagIds = tagIds(request.tags());
		int minSeconds = switch (kind) {
			case ARTICLE, LINK -> ReadingTime.ofText(text.length());
			case PDF -> ReadingTime.MINIMUM_SECONDS;
			case VIDEO -> ReadingTime.ofVideo(duration);
		};
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		long id = materials.insert(new MaterialRepository.NewMaterial(title, kind, body, url, duration, minSeconds,
				points, Boolean.TRUE.equals(request.isPublic()), owner.orgId(), user.accountId(), user.displayName(), now));
		materials.insertTags(id, tagIds);
		audit.record(AuditType.PUBLISH, "LEARNING_MATERIAL", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.material-published", title, kind), owner.orgPath());
		return id;
	}

	/**
	 * Edits the title, body and tags (the body cleaned again; an article's or a link's reading time follows
	 * its new length). Completions earned before stay as they are.
	 */
	public void update(long id, MaterialUpdate request) {
		CurrentUser user = users.current();
		MaterialRow m = access.editable(user, id);
		if (m.withdrawn()) {
			throw new BusinessRuleException("learning.error.withdrawn-no-edit");
		}
		String title = TextInput.name("title", request.title());
		if (title == null) {
			throw new InvalidValueException("title", "learning.error.title-required");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "learning.error.title-too-long");
		}
		String body = MaterialHtml.sanitize(TextInput.text("body", request.body()));
		if (body.length() > MAX_BODY) {
			throw new InvalidValueException("body", "learning.error.body-too-long");
		}
		String text = MaterialHtml.text(body);
		if (m.kind() == MaterialKind.ARTICLE && text.isEmpty()) {
			throw new InvalidValueException("body", "learning.error.body-required");
		}
		List<MaterialRepository.Tag> kept = materials.tagsOf(id);
		List<Long> tagIds = tagIds(request.tags(), kept);
		if (request.version() != null && request.version() != m.version()) {
			throw new ConflictException("learning.error.material-stale");
		}
		int minSeconds = switch (m.kind()) {
			case ARTICLE, LINK -> ReadingTime.ofText(text.length());
			case PDF, VIDEO -> m.minSeconds();
		};
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.update(id, m.version(), title, body, minSeconds, tagIds, now)) {
			throw new ConflictException("learning.error.material-stale");
		}
		List<String> before = kept.stream().map(MaterialRepository.Tag::name).toList();
		List<String> after = materials.tagNames(id);
		audit.record(AuditType.UPDATE, "LEARNING_MATERIAL", id, AuditLog.SUCCESS, Texts.chinese("learning.audit.material-updated", m.title(),
						title.equals(m.title()) ? "" : Texts.chinese("learning.audit.material-updated.renamed", title),
						m.body().equals(body) ? "" : Texts.chinese("learning.audit.material-updated.body"),
						before.equals(after) ? "" : Texts.chinese("learning.audit.material-updated.tags", String.join("、", after))),
				m.ownerOrgPath());
	}

	/**
	 * 撤回: the material leaves the 待学习 and 我的学习 of those who have not completed it and cannot be assigned
	 * again; those who completed it keep the completion and its points.
	 */
	public void withdraw(long id, Integer version) {
		CurrentUser user = users.current();
		MaterialRow m = access.editable(user, id);
		if (m.withdrawn()) {
			throw new BusinessRuleException("learning.error.already-withdrawn",
					m.withdrawnAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate().toString());
		}
		if (version != null && version != m.version()) {
			throw new ConflictException("learning.error.material-stale");
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.withdraw(id, m.version(), user.displayName(), now)) {
			throw new ConflictException("learning.error.material-stale");
		}
		audit.record(AuditType.WITHDRAW, "LEARNING_MATERIAL", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.material-withdrawn", m.title()), m.ownerOrgPath());
	}

	/** The file of a PDF or of an uploaded video; a PDF's pages set its reading time. */
	public StoredFile attachFile(long id, String name, InputStream content, long size) {
		MaterialRow m = access.managed(users.current(), id);
		Set<FileKind> allowed = switch (m.kind()) {
			case PDF -> EnumSet.of(FileKind.PDF);
			case VIDEO -> EnumSet.of(FileKind.MP4);
			default -> throw new BusinessRuleException("learning.error.file-not-needed");
		};
		if (m.kind() == MaterialKind.VIDEO && m.url() != null) {
			throw new BusinessRuleException("learning.error.video-external");
		}
		if (content == null) {
			throw new InvalidValueException("file", "learning.error.file-required");
		}
		StoredFile stored = files.store(OWNER, id, name, content, size, allowed);
		Integer pages = null;
		int minSeconds = m.minSeconds();
		if (m.kind() == MaterialKind.PDF) {
			try {
				pages = PdfPages.count(files.open(stored.id()).openStream(), stored.sizeBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			minSeconds = ReadingTime.ofPdf(pages);
		}
		if (!materials.attachFile(id, m.version(), stored.id(), pages, minSeconds)) {
			throw new ConflictException("learning.error.material-stale");
		}
		audit.record(AuditType.UPDATE, "LEARNING_MATERIAL", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.file-uploaded", stored.originalName(), m.title()), m.ownerOrgPath());
		return stored;
	}

	/** Records the caller's first opening (by the server's clock); returns the seconds still to study. */
	public long open(long id) {
		CurrentUser user = users.current();
		MaterialRow m = access.visible(user, id);
		long person = person(user);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		materials.recordOpening(id, person, now);
		if (materials.completedAt(id, person).isPresent()) {
			return 0;
		}
		OffsetDateTime opened = materials.openedAt(id, person).orElse(now);
		return ReadingTime.secondsLeft(opened.toInstant(), clock.instant(), m.minSeconds());
	}

	/**
	 * 学完: accepted once the reading time has passed since the first opening (422 with the seconds
	 * left otherwise); the points are given once, however often or concurrently it is sent.
	 */
	public Completion complete(long id) {
		CurrentUser user = users.current();
		MaterialRow m = access.visible(user, id);
		long person = person(user);
		var earned = materials.completedAt(id, person);
		if (m.withdrawn() && earned.isEmpty()) {
			throw new BusinessRuleException("learning.error.withdrawn-no-complete");
		}
		if (m.needsFile()) {
			throw new BusinessRuleException("learning.error.no-file-yet");
		}
		var done = materials.completedAt(id, person);
		if (done.isPresent()) {
			return new Completion(false, m.points(), done.get());
		}
		OffsetDateTime opened = materials.openedAt(id, person)
			.orElseThrow(() -> new BusinessRuleException("learning.error.open-first"));
		long left = ReadingTime.secondsLeft(opened.toInstant(), clock.instant(), m.minSeconds());
		if (left > 0) {
			throw new ReadingTooShort(left);
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.insertCompletion(id, person, now, m.points())) {
			return new Completion(false, m.points(), materials.completedAt(id, person).orElse(now));
		}
		audit.record(AuditType.CREATE, "LEARNING_COMPLETION", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.completed", m.title(), m.points()), organPath(user));
		return new Completion(true, m.points(), now);
	}

	/** The org a material or an assignment is published in the name of: the caller's highest admin grant. */
	static ScopeGrant owner(CurrentUser user) {
		return user.scope().adminGrants().stream().min(Comparator.comparingInt((ScopeGrant g) -> g.orgPath().length()))
			.orElseThrow(() -> new ForbiddenException("learning.error.publish-forbidden"));
	}

	private String organPath(CurrentUser user) {
		Long organ = user.scope().personOrganId();
		return organ == null ? null : materials.orgPath(organ);
	}

	private static long person(CurrentUser user) {
		if (user.personId() == null) {
			throw new BusinessRuleException("learning.error.no-person");
		}
		return user.personId();
	}

	private static MaterialKind kind(String value) {
		try {
			return Coded.parse(MaterialKind.class, value);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("kind", "learning.error.kind-invalid");
		}
	}

	private static String url(MaterialKind kind, String value) {
		String url = TextInput.name("url", value);
		if (kind == MaterialKind.LINK && url == null) {
			throw new InvalidValueException("url", "learning.error.url-required");
		}
		if (url == null || kind == MaterialKind.ARTICLE || kind == MaterialKind.PDF) {
			if (url != null) {
				throw new InvalidValueException("url", "learning.error.url-not-needed");
			}
			return null;
		}
		if (url.length() > 1000) {
			throw new InvalidValueException("url", "learning.error.url-too-long");
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("url", "learning.error.url-malformed");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new InvalidValueException("url", "learning.error.url-scheme");
		}
		return url;
	}

	private static Integer duration(MaterialKind kind, Integer seconds) {
		if (kind != MaterialKind.VIDEO) {
			return null;
		}
		if (seconds == null) {
			throw new InvalidValueException("durationSeconds", "learning.error.duration-required");
		}
		if (seconds < 1 || seconds > ReadingTime.MAXIMUM_SECONDS) {
			throw new InvalidValueException("durationSeconds", "learning.error.duration-range");
		}
		return seconds;
	}

	private List<Long> tagIds(List<String> names) {
		return tagIds(names, List.of());
	}

	/** The ids of the named tags: active ones, or retired ones the material carries already. */
	private List<Long> tagIds(List<String> names, List<MaterialRepository.Tag> kept) {
		if (names == null || names.isEmpty()) {
			return List.of();
		}
		Map<String, Long> known = new LinkedHashMap<>();
		materials.activeTags().forEach(t -> known.put(t.name(), t.id()));
		kept.forEach(t -> known.putIfAbsent(t.name(), t.id()));
		List<Long> ids = new ArrayList<>();
		for (String name : names) {
			String n = name == null ? null : name.strip();
			Long id = known.get(n);
			if (id == null) {
				throw new InvalidValueException("tags", Text.of("learning.error.tag-unknown", n, LearningTexts.list(known.keySet())));
			}
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}
}
