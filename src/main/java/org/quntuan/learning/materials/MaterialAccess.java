package org.quntuan.learning.materials;

import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may see a material: the admins of its owner org or above (who manage it), everyone for a public
 * one, the people of an assignment's audience, and the admins whose orgs an assignment of it reaches
 * (they follow their people's progress). Anyone else gets 404, as if it did not exist.
 */
@Component
class MaterialAccess {

	private final MaterialRepository materials;

	MaterialAccess(MaterialRepository materials) {
		this.materials = materials;
	}

	/** Over {@code learning_material m join org so on so.id = m.owner_org_id}. */
	SqlCondition visible(CurrentUser user) {
		Long organ = user.scope().personOrganId();
		String organPath = organ == null ? null : materials.orgPath(organ);
		SqlCondition audience = LearningPaths.audienceOf(organ, organPath, "me")
			.or(LearningPaths.audienceAdministeredBy(user, "adm"));
		SqlCondition assigned = audience.equals(SqlCondition.NONE) ? SqlCondition.NONE
				: new SqlCondition("""
						exists (select 1 from learning_assignment_material am
						  join learning_assignment_audience au on au.assignment_id = am.assignment_id
						  where am.material_id = m.id and """ + " " + audience.sql() + ")", audience.params());
		// a withdrawn material stays in its managers' list only
		return managed(user).or(SqlCondition.of("m.is_public = true").or(assigned)
			.and(SqlCondition.of("m.withdrawn_at is null")));
	}

	SqlCondition managed(CurrentUser user) {
		return SqlCondition.pathUnder("so.path", "own", LearningPaths.adminPaths(user));
	}

	/** Visible to the caller; once withdrawn, to its managers and to those who completed it (their record) only. */
	MaterialRow visible(CurrentUser user, long id) {
		MaterialRow m = materials.find(id).orElseThrow(NotFoundException::new);
		if (manages(user, m)) {
			return m;
		}
		if (m.withdrawn()) {
			if (user.personId() == null || materials.completedAt(id, user.personId()).isEmpty()) {
				throw new NotFoundException();
			}
			return m;
		}
		if (!materials.matches(id, visible(user))) {
			throw new NotFoundException();
		}
		return m;
	}

	/** Its managers and its author may edit and withdraw it (403 for others who see it). */
	MaterialRow editable(CurrentUser user, long id) {
		MaterialRow m = materials.find(id).orElseThrow(NotFoundException::new);
		if (m.creatorAccountId() == user.accountId() && user.scope().isAdmin()) {
			return m;
		}
		return managed(user, id);
	}

	/** Visible, and the caller manages it (403 otherwise). */
	MaterialRow managed(CurrentUser user, long id) {
		MaterialRow m = visible(user, id);
		if (!manages(user, m)) {
			throw new ForbiddenException("learning.error.manage-forbidden");
		}
		return m;
	}

	boolean manages(CurrentUser user, MaterialRow m) {
		return LearningPaths.covers(user, m.ownerOrgPath());
	}

	/** The materials of this list the caller may see, or 400/404 naming the first that is not. */
	List<MaterialRow> visibleAll(CurrentUser user, List<Long> ids) {
		return ids.stream().map(id -> visible(user, id)).toList();
	}
}
