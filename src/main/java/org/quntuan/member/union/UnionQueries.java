package org.quntuan.member.union;

import java.time.Clock;
import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Zones;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.member.UnionStatus;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of union membership, scoped as {@link UnionAccess} says. */
@Service
@Transactional(readOnly = true)
public class UnionQueries {

	private final JdbcClient jdbc;

	private final UnionAccess access;

	private final UnionRepository repository;

	private final TransferRepository transfers;

	private final Clock clock;

	UnionQueries(JdbcClient jdbc, UnionAccess access, UnionRepository repository, TransferRepository transfers,
			Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.repository = repository;
		this.transfers = transfers;
	}

	private static final String APPLICATION_COLUMNS = """
			a.id, a.person_id, p.name, o.name as organ_name, u.name as union_name, a.state, a.statement, a.created_at,
			a.decided_at, d.display_name as decided_by, a.reason, m.member_number, a.organ_id""";

	private static final String APPLICATION_FROM = """
			from member_union_application a join person p on p.id = a.person_id join org o on o.id = a.organ_id
			join org u on u.id = a.union_id left join account_name d on d.id = a.decided_by
			left join member_union_membership m on m.person_id = a.person_id and a.state = 'APPROVED'
			""";

	/** The caller's own applications, newest first. */
	public PageResult<UnionViews.Application> mine(PageRequest page) {
		long personId = access.requirePerson();
		return SqlPages.page(jdbc, APPLICATION_COLUMNS, APPLICATION_FROM + "where a.person_id = :me", "a.id desc",
				Map.of("me", personId), page, application(false));
	}

	/** The applications of the organs whose union membership the caller keeps; pending ones by default. */
	public PageResult<UnionViews.Application> queue(String state, PageRequest page) {
		access.requireKeeper();
		ApplicationState s = state == null || state.isBlank() ? ApplicationState.PENDING : parse(state);
		SqlCondition scope = access.organs("a.organ_id", "uaScope");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("state", s.name());
		return SqlPages.page(jdbc, APPLICATION_COLUMNS, APPLICATION_FROM + "where a.state = :state and " + scope.sql(),
				"a.id", params, page, application(s == ApplicationState.PENDING));
	}

	/** One application: for its applicant and the admins who keep its organ's union membership. */
	public UnionViews.Application application(long id) {
		UnionRepository.ApplicationRow a = repository.application(id).orElseThrow(NotFoundException::new);
		boolean keeper = access.keeps(a.organId());
		if (!access.user().isSelf(a.personId()) && !keeper) {
			throw new NotFoundException();
		}
		return SqlPages.page(jdbc, APPLICATION_COLUMNS, APPLICATION_FROM + "where a.id = :id", "a.id", Map.of("id", id),
				PageRequest.of(0, 1), application(keeper)).content().get(0);
	}

	private static ApplicationState parse(String state) {
		try {
			ApplicationState s = Coded.parse(ApplicationState.class, state);
			if (s != null) {
				return s;
			}
		}
		catch (InvalidValueException ex) {
			// named below
		}
		throw new InvalidValueException("state", "union.application.error.state");
	}

	private static RowMapper<UnionViews.Application> application(boolean decidable) {
		return (rs, i) -> {
			ApplicationState s = ApplicationState.valueOf(rs.getString("state"));
			return new UnionViews.Application(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
					rs.getString("organ_name"), rs.getString("union_name"), new CodeLabel(s.name(), s.label()),
					rs.getString("statement"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("reason"),
					rs.getString("member_number"), decidable && s == ApplicationState.PENDING);
		};
	}

	/** Transfers with either end in the caller's unions; {@code openOnly} for the board of those waiting. */
	public PageResult<UnionViews.Transfer> transfers(String state, boolean openOnly, PageRequest page) {
		access.requireKeeper();
		TransferState s = TransferState.ofParam(state);
		PageResult<UnionViews.Transfer> found = transfers.page(access.organs("t.from_organ_id", "utFrom"),
				access.organs("t.to_organ_id", "utTo"), s, openOnly, page);
		Map<Long, long[]> ends = transfers.ends(found.content().stream().map(UnionViews.Transfer::id).toList());
		List<UnionViews.Transfer> content = found.content().stream().map(t -> {
			long[] e = ends.get(t.id());
			boolean release = "WAITING_RELEASE".equals(t.state().code()) && access.keeps(e[0]);
			boolean accept = "WAITING_ACCEPT".equals(t.state().code()) && access.keeps(e[1]);
			return new UnionViews.Transfer(t.id(), t.personId(), t.name(), t.memberNumber(), t.fromOrganName(),
					t.fromUnionName(), t.toOrganName(), t.toUnionName(), t.state(), t.openedAt(), t.releasedBy(),
					t.releasedAt(), t.acceptedBy(), t.acceptedAt(), t.version(), release, accept);
		}).toList();
		return PageResult.of(content, page, found.totalElements());
	}

	/** A person's union status with its history: for the person, and the admins who keep their organ's union. */
	public Membership membership(long personId) {
		UnionRepository.PersonFacts p = repository.person(personId).orElseThrow(NotFoundException::new);
		boolean keeper = access.keeps(p.organId());
		if (!access.user().isSelf(personId) && !keeper) {
			throw new NotFoundException();
		}
		List<UnionViews.HistoryEntry> history = jdbc.sql("""
				select h.from_status, h.to_status, h.effective, u.name as union_name, h.reason, b.display_name as by_name,
				  h.recorded_at
				from member_union_history h left join org u on u.id = h.union_id left join account_name b on b.id = h.by_account
				where h.person_id = :p order by h.id desc""")
			.param("p", personId)
			.query((rs, i) -> new UnionViews.HistoryEntry(label(rs.getString(1)), label(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
		return new Membership(p.id(), p.name(), label(p.unionStatus().name()), p.unionJoinedOn(),
				repository.memberNumber(personId).orElse(null), p.version(), keeper
						&& (p.unionStatus() == UnionStatus.MEMBER || p.unionStatus() == UnionStatus.RETAINED),
				history);
	}

	/** @param exitable whether the caller may record 退会 / 保留会籍 now */
	public record Membership(long personId, String name, CodeLabel status, LocalDate joinedOn, String memberNumber,
			int version, boolean exitable, List<UnionViews.HistoryEntry> history) {
	}

	private static CodeLabel label(String code) {
		return code == null ? null : UnionStatus.valueOf(code).toCodeLabel();
	}

	/** The signed-in person (403 for an account without one). */
	public long self() {
		return access.requirePerson();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	public boolean keepsAny() {
		return access.keepsAny();
	}
}
