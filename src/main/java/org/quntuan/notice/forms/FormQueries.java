package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of statistical forms for the API and the pages, each checked by {@link FormAccess}. */
@Service
@Transactional(readOnly = true)
class FormQueries {

	private static final int LIST_LIMIT = 200;

	private final FormRepository forms;

	private final FormAccess access;

	private final Clock clock;

	FormQueries(FormRepository forms, FormAccess access, Clock clock) {
		this.forms = forms;
		this.access = access;
		this.clock = clock;
	}

	/** Forms sent by the caller's orgs or those under them, newest first. */
	List<FormViews.Summary> sent() {
		List<String> paths = access.adminPaths();
		OffsetDateTime now = OffsetDateTime.now(clock);
		return forms.sentUnder(SqlCondition.pathUnder("s.path", "sender", paths), LIST_LIMIT).stream().map(f -> {
			Map<FormResponseStatus, Long> counts = forms.statusCounts(f.id());
			long total = counts.values().stream().mapToLong(Long::longValue).sum();
			return new FormViews.Summary(f.id(), f.title(), f.deadline(), f.senderOrgName(), f.createdAt(), total,
					counts.get(FormResponseStatus.SUBMITTED), f.deadline().isBefore(now));
		}).toList();
	}

	/** Forms the caller's orgs have to fill in (not those the caller sees as sender). */
	List<FormViews.Task> toFill() {
		List<String> paths = access.adminPaths();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<Long, FormRepository.FormRow> cache = new LinkedHashMap<>();
		return forms.toFill(SqlCondition.pathUnder("o.path", "target", paths), SqlCondition.pathUnder("s.path", "sender", paths),
				LIST_LIMIT).stream().map(r -> {
					FormRepository.FormRow f = cache.computeIfAbsent(r.formId(), id -> forms.find(id).orElseThrow());
					return new FormViews.Task(f.id(), f.title(), f.deadline(), r.orgId(), r.orgName(),
							r.status().toCodeLabel(), r.status() == FormResponseStatus.RETURNED ? r.returnReason() : null,
							r.status() != FormResponseStatus.SUBMITTED && f.deadline().isBefore(now));
				}).toList();
	}

	FormViews.Detail detail(long id) {
		FormRepository.FormRow f = access.form(id);
		boolean sender = access.isSender(f);
		Map<String, Long> counts = null;
		if (sender) {
			counts = new LinkedHashMap<>();
			for (Map.Entry<FormResponseStatus, Long> e : forms.statusCounts(id).entrySet()) {
				counts.put(e.getKey().name(), e.getValue());
			}
		}
		return new FormViews.Detail(f.id(), f.title(), f.instructions(), f.deadline(), f.senderOrgId(),
				f.senderOrgName(), f.createdAt(), forms.fields(id).stream().map(FormViews.Field::of).toList(), sender, counts);
	}

	/** The sender's table: every target with its state. */
	List<FormViews.StatusRow> statuses(long id) {
		FormRepository.FormRow f = access.form(id);
		access.requireSender(f);
		return forms.boardResponses(id).stream().map(r -> new FormViews.StatusRow(r.orgId(), r.orgName(), r.groupName(),
				r.status().toCodeLabel(), r.status() == FormResponseStatus.RETURNED ? r.returnReason() : null,
				r.savedAt(), r.submittedAt(), late(f, r), r.version())).toList();
	}

	FormViews.Response response(long id, long orgId) {
		FormRepository.FormRow f = access.form(id);
		FormRepository.ResponseRow r = access.readable(f, orgId);
		boolean canFill = access.covers(r.orgPath());
		return new FormViews.Response(r.id(), f.id(), f.title(), r.orgId(), r.orgName(), r.groupName(),
				r.status().toCodeLabel(), r.status() == FormResponseStatus.RETURNED ? r.returnReason() : null,
				r.savedAt(), r.submittedAt(), late(f, r), r.version(), forms.values(r.id()),
				canFill && r.status().editable(), access.isSender(f) && r.status() == FormResponseStatus.SUBMITTED);
	}

	/** Sum, average, minimum and maximum per numeric field over the submitted responses, overall and per 片组. */
	FormViews.Aggregate aggregate(long id) {
		FormRepository.FormRow f = access.form(id);
		access.requireSender(f);
		List<FormField> numeric = forms.fields(id).stream().filter(FormField::numeric).toList();
		Map<FormResponseStatus, Long> counts = forms.statusCounts(id);
		long targets = counts.values().stream().mapToLong(Long::longValue).sum();
		Map<Long, FormRepository.Figures> totals = forms.totals(id).stream()
			.collect(Collectors.toMap(FormRepository.Figures::fieldId, x -> x));
		List<FormViews.FieldFigures> overall = numeric.stream().map(field -> figures(field, totals.get(field.id())))
			.toList();
		// the groups of every target, so that a group with nothing submitted yet shows too
		Map<Long, String> groupNames = new LinkedHashMap<>();
		Map<Long, Long> submittedPerGroup = new LinkedHashMap<>();
		for (FormRepository.ResponseRow r : forms.boardResponses(id)) {
			Long g = r.groupId() == null ? -1L : r.groupId();
			groupNames.putIfAbsent(g, r.groupName() == null ? Texts.localized("notice.form.group.none") : r.groupName());
			submittedPerGroup.merge(g, r.status() == FormResponseStatus.SUBMITTED ? 1L : 0L, Long::sum);
		}
		Map<Long, Map<Long, FormRepository.Figures>> byGroup = new LinkedHashMap<>();
		for (FormRepository.Figures x : forms.totalsByGroup(id)) {
			byGroup.computeIfAbsent(x.groupId() == null ? -1L : x.groupId(), k -> new LinkedHashMap<>())
				.put(x.fieldId(), x);
		}
		List<FormViews.GroupFigures> groups = new ArrayList<>();
		for (Map.Entry<Long, String> g : groupNames.entrySet()) {
			Map<Long, FormRepository.Figures> ofGroup = byGroup.getOrDefault(g.getKey(), Map.of());
			groups.add(new FormViews.GroupFigures(g.getKey() < 0 ? null : g.getKey(), g.getValue(),
					submittedPerGroup.get(g.getKey()),
					numeric.stream().map(field -> figures(field, ofGroup.get(field.id()))).toList()));
		}
		return new FormViews.Aggregate(id, f.title(), targets, counts.get(FormResponseStatus.SUBMITTED), overall,
				groups);
	}

	/** For the export: the form, its fields, every target with its values. */
	record Sheet(FormRepository.FormRow form, List<FormField> fields, List<FormRepository.ResponseRow> responses,
			Map<Long, Map<Long, String>> values, FormViews.Aggregate aggregate) {
	}

	Sheet sheet(long id) {
		FormViews.Aggregate aggregate = aggregate(id);
		return new Sheet(forms.find(id).orElseThrow(), forms.fields(id), forms.boardResponses(id), forms.allValues(id),
				aggregate);
	}

	private static FormViews.FieldFigures figures(FormField field, FormRepository.Figures x) {
		if (x == null || x.count() == 0) {
			return new FormViews.FieldFigures(field.id(), field.label(), 0, BigDecimal.ZERO, null, null, null);
		}
		return new FormViews.FieldFigures(field.id(), field.label(), x.count(), FormRepository.strip(x.sum()),
				x.avg().setScale(2, RoundingMode.HALF_UP), FormRepository.strip(x.min()), FormRepository.strip(x.max()));
	}

	private static boolean late(FormRepository.FormRow f, FormRepository.ResponseRow r) {
		return r.submittedAt() != null && r.submittedAt().isAfter(f.deadline());
	}
}
