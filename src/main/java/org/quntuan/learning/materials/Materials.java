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
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.TextInput;
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
			throw new InvalidValueException("title", "请填写标题");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "标题不能超过 200 个字");
		}
		if (request.kind() == null || request.kind().isBlank()) {
			throw new InvalidValueException("kind", "请选择资料类型：文章、PDF、视频或链接");
		}
		MaterialKind kind = kind(request.kind());
		String body = MaterialHtml.sanitize(TextInput.text("body", request.body()));
		if (body.length() > MAX_BODY) {
			throw new InvalidValueException("body", "正文过长，请精简或改为 PDF 上传");
		}
		String text = MaterialHtml.text(body);
		if (kind == MaterialKind.ARTICLE && text.isEmpty()) {
			throw new InvalidValueException("body", "请填写正文");
		}
		String url = url(kind, request.url());
		Integer duration = duration(kind, request.durationSeconds());
		int points = request.points() == null ? DEFAULT_POINTS : request.points();
		if (points < 0 || points > 100) {
			throw new InvalidValueException("points", "学习积分须在 0 到 100 之间");
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
				"发布学习资料：" + title + "（" + kind.label() + "）", owner.orgPath());
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
			throw new BusinessRuleException("该资料已撤回，不能再修改");
		}
		String title = TextInput.name("title", request.title());
		if (title == null) {
			throw new InvalidValueException("title", "请填写标题");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "标题不能超过 200 个字");
		}
		String body = MaterialHtml.sanitize(TextInput.text("body", request.body()));
		if (body.length() > MAX_BODY) {
			throw new InvalidValueException("body", "正文过长，请精简或改为 PDF 上传");
		}
		String text = MaterialHtml.text(body);
		if (m.kind() == MaterialKind.ARTICLE && text.isEmpty()) {
			throw new InvalidValueException("body", "请填写正文");
		}
		List<MaterialRepository.Tag> kept = materials.tagsOf(id);
		List<Long> tagIds = tagIds(request.tags(), kept);
		if (request.version() != null && request.version() != m.version()) {
			throw new ConflictException("资料已被他人修改，请刷新后重试");
		}
		int minSeconds = switch (m.kind()) {
			case ARTICLE, LINK -> ReadingTime.ofText(text.length());
			case PDF, VIDEO -> m.minSeconds();
		};
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.update(id, m.version(), title, body, minSeconds, tagIds, now)) {
			throw new ConflictException("资料已被他人修改，请刷新后重试");
		}
		List<String> before = kept.stream().map(MaterialRepository.Tag::name).toList();
		List<String> after = materials.tagNames(id);
		audit.record(AuditType.UPDATE, "LEARNING_MATERIAL", id, AuditLog.SUCCESS, "修改学习资料：" + m.title()
				+ (title.equals(m.title()) ? "" : " → " + title) + (m.body().equals(body) ? "" : "，正文已修改")
				+ (before.equals(after) ? "" : "，标签：" + String.join("、", after)), m.ownerOrgPath());
	}

	/**
	 * 撤回: the material leaves the 待学习 and 我的学习 of those who have not completed it and cannot be assigned
	 * again; those who completed it keep the completion and its points.
	 */
	public void withdraw(long id, Integer version) {
		CurrentUser user = users.current();
		MaterialRow m = access.editable(user, id);
		if (m.withdrawn()) {
			throw new BusinessRuleException("该资料已于 " + m.withdrawnAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate()
					+ " 撤回");
		}
		if (version != null && version != m.version()) {
			throw new ConflictException("资料已被他人修改，请刷新后重试");
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.withdraw(id, m.version(), user.displayName(), now)) {
			throw new ConflictException("资料已被他人修改，请刷新后重试");
		}
		audit.record(AuditType.WITHDRAW, "LEARNING_MATERIAL", id, AuditLog.SUCCESS, "撤回学习资料：" + m.title(),
				m.ownerOrgPath());
	}

	/** The file of a PDF or of an uploaded video; a PDF's pages set its reading time. */
	public StoredFile attachFile(long id, String name, InputStream content, long size) {
		MaterialRow m = access.managed(users.current(), id);
		Set<FileKind> allowed = switch (m.kind()) {
			case PDF -> EnumSet.of(FileKind.PDF);
			case VIDEO -> EnumSet.of(FileKind.MP4);
			default -> throw new BusinessRuleException("只有 PDF 和视频资料需要上传文件");
		};
		if (m.kind() == MaterialKind.VIDEO && m.url() != null) {
			throw new BusinessRuleException("该视频为外部链接，不能再上传文件");
		}
		if (content == null) {
			throw new InvalidValueException("file", "请选择要上传的文件");
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
			throw new ConflictException("资料已被他人修改，请刷新后重试");
		}
		audit.record(AuditType.UPDATE, "LEARNING_MATERIAL", id, AuditLog.SUCCESS,
				"上传学习资料文件：" + stored.originalName() + "，资料：" + m.title(), m.ownerOrgPath());
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
			throw new BusinessRuleException("该资料已撤回，不能再记录学完");
		}
		if (m.needsFile()) {
			throw new BusinessRuleException("该资料尚未上传文件，暂不能学习");
		}
		var done = materials.completedAt(id, person);
		if (done.isPresent()) {
			return new Completion(false, m.points(), done.get());
		}
		OffsetDateTime opened = materials.openedAt(id, person)
			.orElseThrow(() -> new BusinessRuleException("请先打开资料学习后再标记学完"));
		long left = ReadingTime.secondsLeft(opened.toInstant(), clock.instant(), m.minSeconds());
		if (left > 0) {
			throw new ReadingTooShort(left);
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (!materials.insertCompletion(id, person, now, m.points())) {
			return new Completion(false, m.points(), materials.completedAt(id, person).orElse(now));
		}
		audit.record(AuditType.CREATE, "LEARNING_COMPLETION", id, AuditLog.SUCCESS,
				"学完学习资料：" + m.title() + "，积分 " + m.points(), organPath(user));
		return new Completion(true, m.points(), now);
	}

	/** The org a material or an assignment is published in the name of: the caller's highest admin grant. */
	static ScopeGrant owner(CurrentUser user) {
		return user.scope().adminGrants().stream().min(Comparator.comparingInt((ScopeGrant g) -> g.orgPath().length()))
			.orElseThrow(() -> new ForbiddenException("只有工委或组织管理员可以发布学习资料和学习任务"));
	}

	private String organPath(CurrentUser user) {
		Long organ = user.scope().personOrganId();
		return organ == null ? null : materials.orgPath(organ);
	}

	private static long person(CurrentUser user) {
		if (user.personId() == null) {
			throw new BusinessRuleException("您的账号未关联人员信息，不能记录学习");
		}
		return user.personId();
	}

	private static MaterialKind kind(String value) {
		try {
			return Coded.parse(MaterialKind.class, value);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("kind", "资料类型只能是文章（ARTICLE）、PDF、视频（VIDEO）或链接（LINK）");
		}
	}

	private static String url(MaterialKind kind, String value) {
		String url = TextInput.name("url", value);
		if (kind == MaterialKind.LINK && url == null) {
			throw new InvalidValueException("url", "请填写链接地址");
		}
		if (url == null || kind == MaterialKind.ARTICLE || kind == MaterialKind.PDF) {
			if (url != null) {
				throw new InvalidValueException("url", "文章和 PDF 资料不需要链接地址");
			}
			return null;
		}
		if (url.length() > 1000) {
			throw new InvalidValueException("url", "链接地址不能超过 1000 个字符");
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("url", "链接地址格式不正确");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new InvalidValueException("url", "链接地址须以 http:// 或 https:// 开头");
		}
		return url;
	}

	private static Integer duration(MaterialKind kind, Integer seconds) {
		if (kind != MaterialKind.VIDEO) {
			return null;
		}
		if (seconds == null) {
			throw new InvalidValueException("durationSeconds", "请填写视频时长（秒）");
		}
		if (seconds < 1 || seconds > ReadingTime.MAXIMUM_SECONDS) {
			throw new InvalidValueException("durationSeconds", "视频时长须在 1 秒到 3 小时之间");
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
				throw new InvalidValueException("tags", "没有名为「" + n + "」的标签，可选：" + String.join("、", known.keySet()));
			}
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}
}
