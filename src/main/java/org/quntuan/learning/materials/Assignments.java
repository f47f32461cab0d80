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
import org.quntuan.platform.TextInput;
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
			throw new InvalidValueException("materialIds", "请至少选择一份学习资料");
		}
		List<Long> ids = request.materialIds().stream().distinct().toList();
		if (ids.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("materialIds", "所选学习资料不存在");
		}
		if (ids.size() > MAX_MATERIALS) {
			throw new InvalidValueException("materialIds", "一项学习任务最多包含 " + MAX_MATERIALS + " 份资料");
		}
		if (request.dueDate() == null) {
			throw new InvalidValueException("dueDate", "请填写完成期限");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (request.dueDate().isBefore(today)) {
			throw new InvalidValueException("dueDate", "完成期限不能早于今天");
		}
		if (request.targets() == null) {
			throw new InvalidValueException("targets", "请选择学习对象");
		}
		String title = TextInput.name("title", request.title());
		if (title != null && title.length() > 200) {
			throw new InvalidValueException("title", "标题不能超过 200 个字");
		}
		List<AssignmentRepository.AudienceRoot> audience = targetOrgs.roots(request.targets()).stream()
			.map(o -> new AssignmentRepository.AudienceRoot(o.id(), o.path(),
					o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		if (audience.isEmpty()) {
			throw new InvalidValueException("targets", "所选范围内没有可学习的组织");
		}
		List<MaterialRow> chosen = ids.stream().map(id -> materials.visible(user, id)).toList();
		for (MaterialRow m : chosen) {
			if (m.withdrawn()) {
				throw new BusinessRuleException("「" + m.title() + "」已撤回，不能布置学习");
			}
			if (m.needsFile()) {
				throw new BusinessRuleException("「" + m.title() + "」尚未上传文件，不能布置学习");
			}
		}
		if (title == null) {
			title = chosen.get(0).title() + (chosen.size() > 1 ? " 等 " + chosen.size() + " 份资料" : "");
			if (title.length() > 200) {
				title = title.substring(0, 200);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		long id = assignments.insert(title, request.dueDate(), json.writeValueAsString(request.targets()), owner.orgId(),
				user.accountId(), user.displayName(), now);
		assignments.insertMaterials(id, ids);
		assignments.insertAudience(id, audience);
		audit.record(AuditType.PUBLISH, "LEARNING_ASSIGNMENT", id, AuditLog.SUCCESS, "布置学习任务：" + title + "，资料 "
				+ ids.size() + " 份，对象 " + audience.size() + " 个组织，期限 " + request.dueDate(), owner.orgPath());
		return id;
	}
}
