package org.quntuan.notice.forms;

import java.util.List;

import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.springframework.stereotype.Component;

/**
 * Who may see what of a form. The sender side: admins whose grant covers the sending org (it and
 * the orgs above). The filling side: admins whose grant covers the target org. Anyone else gets 404:
 * an org never learns of another org's values.
 */
@Component
public class FormAccess {

	private final FormRepository forms;

	private final CurrentUserProvider users;

	FormAccess(FormRepository forms, CurrentUserProvider users) {
		this.forms = forms;
		this.users = users;
	}

	List<String> adminPaths() {
		return users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct().toList();
	}

	boolean covers(String path) {
		return adminPaths().stream().anyMatch(path::startsWith);
	}

	public boolean isSender(FormRepository.FormRow form) {
		return covers(form.senderOrgPath());
	}

	/** The form if the caller is on its sender side or fills it in for one of their orgs. */
	public FormRepository.FormRow form(long id) {
		FormRepository.FormRow form = forms.find(id).orElseThrow(() -> new NotFoundException("notice.form.error.not-found"));
		if (isSender(form)) {
			return form;
		}
		if (adminPaths().isEmpty() || forms.responses(id).stream().noneMatch(r -> covers(r.orgPath()))) {
			throw new NotFoundException("notice.form.error.not-found");
		}
		return form;
	}

	void requireSender(FormRepository.FormRow form) {
		if (!isSender(form)) {
			throw new ForbiddenException("notice.form.error.not-sender");
		}
	}

	/** A target's response the caller may read: the sender side, or the org's own admins. */
	FormRepository.ResponseRow readable(FormRepository.FormRow form, long orgId) {
		FormRepository.ResponseRow r = forms.response(form.id(), orgId)
			.orElseThrow(() -> new NotFoundException("notice.form.error.not-target"));
		if (!isSender(form) && !covers(r.orgPath())) {
			throw new NotFoundException("notice.form.error.not-target");
		}
		return r;
	}

	/** A target's response the caller fills in: admins whose grant covers the target org. */
	FormRepository.ResponseRow fillable(FormRepository.FormRow form, long orgId) {
		FormRepository.ResponseRow r = readable(form, orgId);
		if (!covers(r.orgPath())) {
			throw new ForbiddenException("notice.form.error.not-filler");
		}
		return r;
	}
}
