package org.quntuan.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of leadership teams and re-elections for pages and the API. */
@Service
@Transactional(readOnly = true)
public class LeadershipQueries {

	private final LeadershipRepository teams;

	private final ReelectionRepository reelections;

	private final OrgAccess access;

	private final TermSettings terms;

	private final ReelectionBoard board;

	private final FileStorage files;

	private final LeadershipPeople people;

	LeadershipQueries(LeadershipRepository teams, ReelectionRepository reelections, OrgAccess access,
			TermSettings terms, ReelectionBoard board, FileStorage files, LeadershipPeople people) {
		this.teams = teams;
		this.reelections = reelections;
		this.access = access;
		this.terms = terms;
		this.board = board;
		this.files = files;
		this.people = people;
	}

	/** The team in office, the re-election under way and former teams of an org the caller can see. */
	public LeadershipView leadership(long orgId) {
		OrgSummary org = access.visible(orgId);
		boolean manageable = access.canManage(org);
		if (!org.type().isMassOrganization()) {
			return new LeadershipView(org.id(), org.name(), org.type().toCodeLabel(), false, null, null, null, false,
					null, List.of(), manageable);
		}
		Optional<LeadershipRepository.TeamRow> current = teams.current(orgId);
		List<LeadershipRepository.TeamRow> former = teams.former(orgId);
		List<Long> ids = new ArrayList<>();
		current.ifPresent(t -> ids.add(t.id()));
		former.forEach(t -> ids.add(t.id()));
		Map<Long, List<LeadershipRepository.MemberRow>> members = teams.members(ids).stream()
			.collect(Collectors.groupingBy(LeadershipRepository.MemberRow::teamId));
		Optional<ReelectionRepository.Row> open = reelections.open(orgId);
		var today = board.today();
		var termEnd = current.map(LeadershipRepository.TeamRow::termEnd).orElse(null);
		ReelectionBoardState state = ReelectionBoard.state(termEnd, open.map(ReelectionRepository.Row::status).orElse(null),
				today);
		return new LeadershipView(org.id(), org.name(), org.type().toCodeLabel(), true, terms.years(org.type()),
				current.map(t -> team(t, members, org.type())).orElse(null), state.toCodeLabel(),
				termEnd != null && termEnd.isBefore(today),
				open.map(r -> new LeadershipView.OpenReelection(r.id(), r.status().toCodeLabel(), r.plannedDate()))
					.orElse(null),
				former.stream().map(t -> team(t, members, org.type())).toList(), manageable);
	}

	/** A re-election, for the admins of its org and above (the approvers); 404 for anyone else. */
	public ReelectionView reelection(long id) {
		ReelectionRepository.Row row = reelections.find(id).orElseThrow(NotFoundException::new);
		OrgSummary org = access.visible(row.orgId());
		if (!access.canManage(org)) {
			throw new NotFoundException();
		}
		OrgType type = org.type();
		List<ReelectionView.Candidate> candidates = reelections.candidates(id).stream()
			.map(c -> new ReelectionView.Candidate(c.personId(), c.name(), c.votes(),
					c.electedPosition() == null ? null : c.electedPosition().toCodeLabel(type)))
			.toList();
		List<ReelectionView.Attachment> attachments = files.ofOwner(Reelections.FILE_OWNER, id).stream()
			.map(f -> new ReelectionView.Attachment(f.id(), f.originalName(), f.kind().toCodeLabel(), f.sizeBytes()))
			.toList();
		return new ReelectionView(row.id(), org.id(), org.name(), type.toCodeLabel(), row.status().toCodeLabel(),
				row.plannedDate(), row.reason(), row.seats(), candidates, row.requestApprovalId(),
				row.requestApprovedAt(), row.heldOn(), row.resultApprovalId(), row.newTeamId(), row.filedAt(),
				attachments, row.version());
	}

	/** The re-elections of an org, newest first (for the org's page). */
	public List<ReelectionView> reelectionsOf(long orgId) {
		OrgSummary org = access.visible(orgId);
		if (!access.canManage(org)) {
			return List.of();
		}
		return reelections.ofOrg(orgId).stream().map(r -> reelection(r.id())).toList();
	}

	/** An attachment of a re-election the caller may see; 404 if it belongs to another record. */
	public Download attachment(long reelectionId, long fileId) {
		reelection(reelectionId);
		StoredFile file = files.find(fileId).orElseThrow(NotFoundException::new);
		if (!Reelections.FILE_OWNER.equals(file.ownerType()) || file.ownerId() != reelectionId) {
			throw new NotFoundException();
		}
		return files.open(fileId);
	}

	/** Who may stand: the active people of the org's organ, for the request form. */
	public List<LeadershipPeople.Person> possibleCandidates(long orgId) {
		OrgSummary org = access.visible(orgId);
		access.requireManage(org);
		return org.type().isMassOrganization() && org.parentId() != null ? people.activeOfOrgan(org.parentId())
				: List.of();
	}

	/**
	 * The candidate picker: people of the org's organ matching the search (at most 50), the ones already
	 * chosen first and kept whatever the search, each with their organ and masked mobile.
	 */
	public CandidatePicker candidatePicker(long orgId, String q, Collection<Long> chosenIds) {
		OrgSummary org = access.visible(orgId);
		access.requireManage(org);
		if (!org.type().isMassOrganization() || org.parentId() == null) {
			return new CandidatePicker(null, List.of(), List.of());
		}
		long organId = org.parentId();
		String organName = access.visible(organId).name();
		List<LeadershipPeople.Person> chosen = chosenIds == null || chosenIds.isEmpty() ? List.of()
				: people.find(chosenIds.stream().distinct().limit(CHOSEN_LIMIT).toList()).stream()
					.filter(p -> p.organId() == organId && p.active())
					.toList();
		Set<Long> taken = chosen.stream().map(LeadershipPeople.Person::id).collect(Collectors.toSet());
		List<LeadershipPeople.Choice> choices = people.searchInOrgan(organId, q, PICKER_LIMIT).stream()
			.filter(c -> !taken.contains(c.id()))
			.toList();
		return new CandidatePicker(organName, chosen, choices);
	}

	private static final int PICKER_LIMIT = 50;

	private static final int CHOSEN_LIMIT = 200;

	/** What the candidate picker shows: the organ, the people chosen so far, the people found. */
	public record CandidatePicker(String organName, List<LeadershipPeople.Person> chosen,
			List<LeadershipPeople.Choice> found) {
	}

	public List<CodeLabel> positions(OrgType type) {
		return Arrays.stream(LeadershipPosition.values()).map(p -> p.toCodeLabel(type)).toList();
	}

	private static LeadershipView.Team team(LeadershipRepository.TeamRow t,
			Map<Long, List<LeadershipRepository.MemberRow>> members, OrgType type) {
		return new LeadershipView.Team(t.id(), t.termStart(), t.termEnd(), t.replacedAt(), t.reelectionId(),
				members.getOrDefault(t.id(), List.of()).stream()
					.map(m -> new LeadershipView.Member(m.personId(), m.name(), m.position().toCodeLabel(type)))
					.toList());
	}
}
