package org.quntuan.learning.materials;

import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation keeps the list of topic tags (理论学习, 法律法规, 会议精神 …) that materials and questions carry.
 * A new name reaches every material tagged before (they refer to the tag by id) and the questions that carry
 * the old name; a retired tag is no longer offered for new materials but stays on the ones that have it.
 */
@Service
@Transactional
public class TopicTags {

	/** As long as a question's tag may be, so one list serves both. */
	static final int MAX_NAME = 20;

	private final TagRepository tags;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	TopicTags(TagRepository tags, CurrentUserProvider users, AuditLog audit, ApplicationEventPublisher events) {
		this.tags = tags;
		this.users = users;
		this.audit = audit;
		this.events = events;
	}

	/** Every tag, those in use first, with the number of materials carrying it. */
	@Transactional(readOnly = true)
	public List<LearningViews.TopicTag> all() {
		return tags.all();
	}

	public long add(String name) {
		CurrentUser user = requireFederationAdmin();
		String n = name(name);
		if (tags.idOf(n).isPresent()) {
			throw new BusinessRuleException("learning.error.tag-exists", n);
		}
		long id = tags.insert(n);
		audit.record(AuditType.CREATE, "LEARNING_TAG", id, AuditLog.SUCCESS, Texts.chinese("learning.audit.tag-added", n), path(user));
		return id;
	}

	public LearningViews.TopicTag rename(long id, String name) {
		CurrentUser user = requireFederationAdmin();
		LearningViews.TopicTag tag = tags.find(id).orElseThrow(NotFoundException::new);
		String n = name(name);
		if (n.equals(tag.name())) {
			return tag;
		}
		if (tags.idOf(n).isPresent()) {
			throw new BusinessRuleException("learning.error.tag-name-taken", n);
		}
		tags.rename(id, n);
		events.publishEvent(new TopicTagRenamed(id, tag.name(), n));
		audit.record(AuditType.UPDATE, "LEARNING_TAG", id, AuditLog.SUCCESS,
				Texts.chinese("learning.audit.tag-renamed", tag.name(), n), path(user));
		return tags.find(id).orElseThrow();
	}

	/** Retires (false) or restores (true) a tag; asking for the state it has changes nothing. */
	public LearningViews.TopicTag setActive(long id, boolean active) {
		CurrentUser user = requireFederationAdmin();
		LearningViews.TopicTag tag = tags.find(id).orElseThrow(NotFoundException::new);
		if (tag.active() == active) {
			return tag;
		}
		tags.setActive(id, active);
		audit.record(AuditType.UPDATE, "LEARNING_TAG", id, AuditLog.SUCCESS,
				Texts.chinese(active ? "learning.audit.tag-restored" : "learning.audit.tag-retired", tag.name()), path(user));
		return tags.find(id).orElseThrow();
	}

	boolean configurable() {
		return users.current().scope().has(Role.FEDERATION_ADMIN);
	}

	private CurrentUser requireFederationAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().has(Role.FEDERATION_ADMIN)) {
			throw new ForbiddenException("learning.error.tags-forbidden");
		}
		return user;
	}

	private static String path(CurrentUser user) {
		return user.scope().grantsFor(Role.FEDERATION_ADMIN).get(0).orgPath();
	}

	private static String name(String value) {
		String n = TextInput.name("name", value);
		if (n == null) {
			throw new InvalidValueException("name", "learning.error.tag-name-required");
		}
		if (n.length() > MAX_NAME) {
			throw new InvalidValueException("name", Text.of("learning.error.tag-name-too-long", MAX_NAME));
		}
		if (n.matches(".*[,，、;；].*")) {
			throw new InvalidValueException("name", "learning.error.tag-name-separators");
		}
		return n;
	}
}
