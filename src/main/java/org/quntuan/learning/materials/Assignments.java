package org.quntuan.learning.materials;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sending materials to the people of target orgs with a due date (学习任务). */
@Service
@Transactional
public class Assignments {

	static final int MAX_MATERIALS = 50;

	private final AssignmentRepository assignments;

	private final MaterialAccess materials;

	private final TargetOrgs targetOrgs;

	private final CurrentUserProvider users;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Clock clock;

	Assignments(AssignmentRepository assignments, MaterialAccess materials, TargetOrgs targetOrgs,
			CurrentUserProvider users, JsonMapper json, AuditLog audit, Clock clock) {
		this.assignments = assignments;
		this.materials = materials;
		this.targetOrgs = targetOrgs;
		this.users = users;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates the assignment; its audience is fixed now (the targets' subtrees, as activities keep theirs). */
	public long create(AssignmentRequest request) {
		CurrentUser user = users.current();
		ScopeGrant owner = Materials.owner(user);
		if (request.materialIds() == null || request.materialIds().isEmpty()) {
			throw new InvalidValueException("materialIds", "learning.error.materials-required");
		}
		List<Long> ids = request.materialIds().stream().distinct().toList();
		if (ids.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("materialIds", "learning.error.materials-unknown");
		}
		if (ids.size() > MAX_MATERIALS) {
			throw new InvalidValueException("materialIds", Text.of("learning.error.materials-too-many", MAX_MATERIALS));
		}
		if (request.dueDate() == null) {
			throw new InvalidValueException("dueDate", "learning.error.due-date-required");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (request.dueDate().isBefore(today)) {
			throw new InvalidValueException("dueDate", "learning.error.due-date-past");
		}
		if (request.targets() == null) {
			throw new InvalidValueException("targets", "learning.error.targets-required");
		}
		String title = TextInput.name("title", request.title());
		if (title != null && title.length() > 200) {
			throw new InvalidValueException("title", "learning.error.title-too-long");
		}
		List<AssignmentRepository.AudienceRoot> audience = targetOrgs.roots(request.targets()).stream()
			.map(o -> new AssignmentRepository.AudienceRoot(o.id(), o.path(),
					o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		if (audience.isEmpty()) {
			throw new InvalidValueException("targets", "learning.error.targets-empty");
		}
		List<MaterialRow> chosen = ids.stream().map(id -> materials.visible(user, id)).toList();
		for (MaterialRow m : chosen) {
			if (m.withdrawn()) {
				throw new BusinessRuleException("learning.error.assign-withdrawn", m.title());
			}
			if (m.needsFile()) {
				throw new BusinessRuleException("learning.error.assign-no-file", m.title());
			}
		}
		if (title == null) {
			title = chosen.size() > 1 ? Texts.chinese("learning.assignment.default-title", chosen.get(0).title(), chosen.size())
					: chosen.get(0).title();
			if (title.length() > 200) {
				title = title.substring(0, 200);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		long id = assignments.insert(title, request.dueDate(), json.writeValueAsString(request.targets()), owner.orgId(),
				user.accountId(), user.displayName(), now);
		assignments.insertMaterials(id, ids);
		assignments.insertAudience(id, audience);
		audit.record(AuditType.PUBLISH, "LEARNING_ASSIGNMENT", id, AuditLog.SUCCESS, Texts.chinese("learning.audit.assignment-published", title,
				ids.size(), audience.size(), request.dueDate().toString()), owner.orgPath());
		return id;
	}
}
