package org.quntuan.approval;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The flows the modules registered, by subject type; two flows for one type fail the start. */
@Component
class ApprovalFlows {

	private final Map<String, ApprovalFlow> byType = new HashMap<>();

	ApprovalFlows(List<ApprovalFlow> flows) {
		for (ApprovalFlow flow : flows) {
			if (byType.put(flow.subjectType(), flow) != null) {
				throw new IllegalStateException("two approval flows for subject type " + flow.subjectType());
			}
		}
	}

	ApprovalFlow get(String subjectType) {
		ApprovalFlow flow = byType.get(subjectType);
		if (flow == null) {
			throw new IllegalArgumentException("no approval flow for subject type " + subjectType);
		}
		return flow;
	}

	Optional<ApprovalFlow> find(String subjectType) {
		return Optional.ofNullable(byType.get(subjectType));
	}

	String label(String subjectType) {
		return find(subjectType).map(ApprovalFlow::label).orElse(subjectType);
	}

	String link(String subjectType, long subjectId) {
		return find(subjectType).map(f -> f.link(subjectId)).orElse(null);
	}

	List<ApprovalFlow> all() {
		return byType.values().stream().sorted(Comparator.comparing(ApprovalFlow::label)).toList();
	}
}
