package org.quntuan.learning.materials;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.learning.LectureAttendance;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading materials, 我的学习 and the progress board of an assignment; every list scoped to the caller. */
@Service
@Transactional(readOnly = true)
public class LearningQueries {

	private final MaterialRepository materials;

	private final AssignmentRepository assignments;

	private final StudyRepository study;

	private final MaterialAccess access;

	private final MemberQueries members;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final LectureAttendance lectures;

	LearningQueries(MaterialRepository materials, AssignmentRepository assignments, StudyRepository study,
			MaterialAccess access, MemberQueries members, FileStorage files, CurrentUserProvider users, Clock clock,
			LectureAttendance lectures) {
		this.materials = materials;
		this.assignments = assignments;
		this.study = study;
		this.access = access;
		this.members = members;
		this.files = files;
		this.users = users;
		this.clock = clock;
		this.lectures = lectures;
	}

	public LearningViews.MaterialDetail material(long id) {
		CurrentUser user = users.current();
		MaterialRow m = access.visible(user, id);
		OffsetDateTime opened = null;
		OffsetDateTime completed = null;
		Long left = null;
		if (user.personId() != null) {
			opened = materials.openedAt(id, user.personId()).orElse(null);
			completed = materials.completedAt(id, user.personId()).orElse(null);
			if (completed != null) {
				left = 0L;
			}
			else if (opened != null) {
				left = ReadingTime.secondsLeft(opened.toInstant(), clock.instant(), m.minSeconds());
			}
		}
		StoredFile file = m.fileId() == null ? null : files.find(m.fileId()).orElse(null);
		return new LearningViews.MaterialDetail(m.id(), m.title(), m.kind().toCodeLabel(), m.body(), m.url(),
				file == null ? null : "/learning/materials/" + id + "/file", file == null ? null : file.originalName(),
				m.durationSeconds(), m.pageCount(), m.minSeconds(), m.points(), m.isPublic(), materials.tagNames(id),
				m.ownerOrgName(), m.creatorName(), m.createdAt(), access.manages(user, m), m.needsFile(), opened,
				completed, left, m.version(), !m.withdrawn() && editable(user, m), m.withdrawnAt());
	}

	private boolean editable(CurrentUser user, MaterialRow m) {
		return access.manages(user, m) || m.creatorAccountId() == user.accountId() && user.scope().isAdmin();
	}

	/** What the edit form shows: the material and the tags it may carry (the active ones and its own). */
	public LearningViews.MaterialDetail editing(long id) {
		CurrentUser user = users.current();
		MaterialRow m = access.editable(user, id);
		if (m.withdrawn()) {
			throw new BusinessRuleException("learning.error.withdrawn-no-edit");
		}
		return material(id);
	}

	/** The tags an edit may choose: the active ones and the retired ones the material carries. */
	public List<MaterialRepository.Tag> tagsFor(long id) {
		List<MaterialRepository.Tag> tags = new ArrayList<>(materials.activeTags());
		materials.tagsOf(id).stream().filter(t -> !tags.contains(t)).forEach(tags::add);
		return tags;
	}

	/** The file of a material the caller may see: a PDF to read in the page, a video to stream. */
	public Download download(long id) {
		MaterialRow m = access.visible(users.current(), id);
		if (m.fileId() == null) {
			throw new NotFoundException();
		}
		return files.open(m.fileId());
	}

	public PageResult<LearningViews.MaterialItem> list(PageRequest page) {
		SqlCondition visible = access.visible(users.current());
		return PageResult.of(materials.list(visible, page).stream()
			.map(i -> new LearningViews.MaterialItem(i.id(), i.title(), i.kind().toCodeLabel(), i.ownerOrgName(), i.createdAt(), i.isPublic(), i.withdrawn()))
			.toList(), page, materials.count(visible));
	}

	public List<MaterialRepository.Tag> tags() {
		return materials.activeTags();
	}

	public LearningViews.MyStudy mine() {
		CurrentUser user = users.current();
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int year = today.getYear();
		if (user.personId() == null) {
			return new LearningViews.MyStudy(year, List.of(), List.of(), 0, List.of());
		}
		OffsetDateTime from = today.withDayOfYear(1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		List<LearningViews.Done> done = study.done(user.personId(), from, from.plusYears(1));
		List<LectureAttendance.Attended> attended = lectures.of(user.personId(), year);
		return new LearningViews.MyStudy(year, study.todo(user.personId(), audience(user), today, 200), done,
				done.stream().mapToInt(LearningViews.Done::points).sum()
						+ attended.stream().mapToInt(LectureAttendance.Attended::points).sum(), attended);
	}

	/** How many assigned materials the caller has still to study (the home page's 待学习). */
	public long todoCount() {
		CurrentUser user = users.current();
		return user.personId() == null ? 0 : study.todoCount(user.personId(), audience(user));
	}

	/** Assignments the caller published (in their orgs) or whose audience their grants reach: for admins. */
	public List<LearningViews.AssignmentItem> assignments() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			return List.of();
		}
		return assignments.managedOrReached(SqlCondition.pathUnder("so.path", "own", LearningPaths.adminPaths(user)),
				LearningPaths.audienceAdministeredBy(user, "adm"), 200).stream()
			.map(a -> new LearningViews.AssignmentItem(a.id(), a.title(), a.dueDate(), a.ownerOrgName(), a.creatorName(),
					a.createdAt()))
			.toList();
	}

	/**
	 * Per organ, the audience's people the caller administers, those who completed every material, the
	 * rate and the names of the rest. Admins of the publishing org or of orgs the audience reaches;
	 * a member of the audience gets 403, anyone else 404.
	 */
	public LearningViews.Progress progress(long id) {
		CurrentUser user = users.current();
		AssignmentRepository.AssignmentRow a = board(user, id);
		List<String> titles = assignments.materialTitles(id);
		int required = titles.size();
		Map<Long, List<AssignmentRepository.PersonProgress>> byOrgan = new LinkedHashMap<>();
		for (AssignmentRepository.PersonProgress p : assignments.progress(id, members.administeredPeople("adm"))) {
			byOrgan.computeIfAbsent(p.organId(), k -> new ArrayList<>()).add(p);
		}
		List<LearningViews.OrgProgress> rows = new ArrayList<>();
		int people = 0;
		int completed = 0;
		for (List<AssignmentRepository.PersonProgress> organ : byOrgan.values()) {
			List<LearningViews.PersonRef> notDone = organ.stream().filter(p -> p.completed() < required)
				.map(p -> new LearningViews.PersonRef(p.personId(), p.name())).toList();
			int done = organ.size() - notDone.size();
			rows.add(new LearningViews.OrgProgress(organ.get(0).organId(), organ.get(0).organName(), organ.size(), done,
					LearningViews.rate(done, organ.size()), notDone));
			people += organ.size();
			completed += done;
		}
		return new LearningViews.Progress(a.id(), a.title(), a.dueDate(), titles, rows,
				new LearningViews.ProgressTotals(rows.size(), people, completed, LearningViews.rate(completed, people)));
	}

	AssignmentRepository.AssignmentRow board(CurrentUser user, long id) {
		AssignmentRepository.AssignmentRow a = assignments.find(id).orElseThrow(NotFoundException::new);
		if (user.scope().isAdmin() && (LearningPaths.covers(user, a.ownerOrgPath())
				|| assignments.audienceMatches(id, LearningPaths.audienceAdministeredBy(user, "adm")))) {
			return a;
		}
		if (assignments.audienceMatches(id, audience(user))) {
			throw new ForbiddenException("learning.error.progress-forbidden");
		}
		throw new NotFoundException();
	}

	private SqlCondition audience(CurrentUser user) {
		Long organ = user.scope().personOrganId();
		return LearningPaths.audienceOf(organ, organ == null ? null : materials.orgPath(organ), "me");
	}
}
