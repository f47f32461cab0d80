package org.quntuan.organization;

import org.quntuan.platform.Coded;

/** How an org stands on the re-election board. */
public enum ReelectionBoardState implements Coded {
	OVERDUE("已超期未换届"),
	DUE_SOON("即将到期"),
	NO_TEAM("未登记班子"),
	REQUEST_PENDING("换届请示审批中"),
	REQUEST_RETURNED("换届请示退回修改"),
	APPROVED_AWAITING_ELECTION("已批准，待选举"),
	RESULT_PENDING("选举结果审批中"),
	RESULT_RETURNED("选举结果退回修改"),
	NORMAL("任期正常");

	private final String label;

	ReelectionBoardState(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	static ReelectionBoardState of(ReelectionStatus open) {
		return switch (open) {
			case REQUEST_PENDING -> REQUEST_PENDING;
			case REQUEST_RETURNED -> REQUEST_RETURNED;
			case APPROVED -> APPROVED_AWAITING_ELECTION;
			case RESULT_PENDING -> RESULT_PENDING;
			case RESULT_RETURNED -> RESULT_RETURNED;
			default -> throw new IllegalArgumentException(open + " is not open");
		};
	}
}
