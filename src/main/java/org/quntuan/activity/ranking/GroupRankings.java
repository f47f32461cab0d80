package org.quntuan.activity.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgPeopleCounts;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year-end ranking of the 片组 groups. Every activity organized by a group or below it counts
 * for the group: the activities held (not cancelled, started within the year), the participation rate
 * (distinct people checked in / people of the group) and the average feedback. A run is stored with
 * its weights; it may be run again until published, and is frozen from then on.
 */
@Service
@Transactional
public class GroupRankings {

	private final GroupRankingRepository rankings;

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final ObjectProvider<OrgPeopleCounts> counts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditLog audit;

	GroupRankings(GroupRankingRepository rankings, CurrentUserProvider users, OrganizationQueries orgs,
			ObjectProvider<OrgPeopleCounts> counts, ApplicationEventPublisher events, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.rankings = rankings;
		this.users = users;
		this.orgs = orgs;
		this.counts = counts;
		this.events = events;
		this.clock = clock;
	}

	record Group(long id, String name, String path) {
	}

	record Figures(Group group, int activities, int attendees, int members, int feedbackCount,
			BigDecimal averageFeedback) {
	}

	/** Computes and stores the ranking of a year; 409 once it is published. */
	GroupRankingView run(GroupRankingRequest request) {
		CurrentUser user = requireFederationAdmin();
		validate(request);
		int year = request.year();
		List<Integer> quotas = request.extraQuotas() == null ? GroupRankingRequest.DEFAULT_QUOTAS : request.extraQuotas();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<Long> existing = lockRun(year);
		if (existing.isPresent() && isPublished(existing.get())) {
			throw new ConflictException("activity.ranking.error.published-cannot-rerun", year);
		}
		GroupRankingRequest.Weights w = request.weights();
		long runId;
		if (existing.isPresent()) {
			runId = existing.get();
			rankings.deleteResults(runId);
			rankings.updateRun(runId, w, quotas, now, user.accountId());
		}
		else {
			runId = rankings.insertRun(year, w, quotas, now, user.accountId());
		}
		for (GroupRankingView.Row row : score(figures(year, now), w, quotas)) {
			rankings.insertResult(runId, row);
		}
		audit.record(existing.isPresent() ? AuditType.UPDATE : AuditType.CREATE, "GROUP_RANKING", year, AuditLog.SUCCESS,
				Texts.chinese(existing.isPresent() ? "activity.ranking.audit.recomputed" : "activity.ranking.audit.computed",
						year, w.activities(), w.participation(), w.feedback()),
				federationPath(user));
		return rankings.view(year).orElseThrow();
	}

	/** Publishes the ranking for every signed-in user and tells the honors module; 409 when already published. */
	GroupRankingView publish(int year) {
		CurrentUser user = requireFederationAdmin();
		long runId = lockRun(year).orElseThrow(() -> new NotFoundException("activity.ranking.error.not-computed", year));
		if (isPublished(runId)) {
			throw new ConflictException("activity.ranking.error.published", year);
		}
		rankings.publish(runId, OffsetDateTime.now(clock), user.accountId());
		GroupRankingView view = rankings.view(year).orElseThrow();
		audit.record(AuditType.PUBLISH, "GROUP_RANKING", year, AuditLog.SUCCESS,
				Texts.chinese("activity.ranking.audit.published", year, view.results().size()), federationPath(user));
		events.publishEvent(new GroupRankingPublished(year, view.results().stream()
			.map(r -> new RankedGroup(r.groupId(), r.rank(), r.score(), r.extraAwardQuota())).toList()));
		return view;
	}

	/** A published ranking for everyone; a draft for the federation admin only (404 for others). */
	@Transactional(readOnly = true)
	public GroupRankingView find(int year) {
		GroupRankingView view = rankings.board(year).orElseThrow(NotFoundException::new);
		if (!view.published() && !users.current().scope().has(Role.FEDERATION_ADMIN)) {
			throw new NotFoundException();
		}
		return view;
	}

	@Transactional(readOnly = true)
	public Optional<GroupRankingView> findIfVisible(int year) {
		Optional<GroupRankingView> view = rankings.board(year);
		return view.filter(v -> v.published() || users.current().scope().has(Role.FEDERATION_ADMIN));
	}

	/** Years with a ranking the caller may see, newest first. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		boolean admin = users.current().scope().has(Role.FEDERATION_ADMIN);
		return rankings.years(admin);
	}

	private CurrentUser requireFederationAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().has(Role.FEDERATION_ADMIN)) {
			throw new ForbiddenException("activity.ranking.error.admin-only");
		}
		return user;
	}

	private static String federationPath(CurrentUser user) {
		return user.scope().grantsFor(Role.FEDERATION_ADMIN).get(0).orgPath();
	}

	static void validate(GroupRankingRequest request) {
		if (request.year() == null || request.year() < 2000 || request.year() > 2100) {
			throw new InvalidValueException("year", "activity.error.year-invalid");
		}
		GroupRankingRequest.Weights w = request.weights();
		if (w == null || w.activities() == null || w.participation() == null || w.feedback() == null) {
			throw new InvalidValueException("weights", "activity.ranking.error.weights-required");
		}
		if (w.activities() < 0 || w.participation() < 0 || w.feedback() < 0) {
			throw new InvalidValueException("weights", "activity.ranking.error.weights-negative");
		}
		if (w.activities() + w.participation() + w.feedback() != 100) {
			throw new InvalidValueException("weights", "activity.ranking.error.weights-sum");
		}
		List<Integer> quotas = request.extraQuotas();
		if (quotas != null && (quotas.size() > 8 || quotas.stream().anyMatch(q -> q == null || q < 0 || q > 20))) {
			throw new InvalidValueException("extraQuotas", "activity.ranking.error.quotas");
		}
	}

	private Optional<Long> lockRun(int year) {
		return rankings.lockRun(year);
	}

	private boolean isPublished(long runId) {
		return rankings.status(runId).equals(GroupRankingView.PUBLISHED);
	}

	private List<Figures> figures(int year, OffsetDateTime now) {
		OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		OffsetDateTime until = now.isBefore(to) ? now : to;
		OrgPeopleCounts provider = counts.getIfAvailable();
		Map<Long, OrgPeopleCounts.Counts> perOrgan = provider == null ? Map.of() : provider.countsByOrgan();
		List<Group> groups = rankings.groups();
		List<Figures> figures = new ArrayList<>();
		for (Group g : groups) {
			int activities = rankings.activitiesHeld(g.path(), from, until);
			int attendees = rankings.attendees(g.path(), from, until);
			Object[] feedback = rankings.feedback(g.path(), from, until);
			long feedbackCount = (Long) feedback[0];
			BigDecimal average = feedbackCount == 0 ? null
					: BigDecimal.valueOf((Long) feedback[1]).divide(BigDecimal.valueOf(feedbackCount), 2, RoundingMode.HALF_UP);
			long members = orgs.organIdsBelow(g.path()).stream()
				.mapToLong(o -> perOrgan.getOrDefault(o, OrgPeopleCounts.Counts.NONE).people()).sum();
			figures.add(new Figures(g, activities, attendees, (int) members, (int) feedbackCount, average));
		}
		return figures;
	}

	/**
	 * Each part on a 0–100 scale: activities relative to the busiest group, participation as a
	 * percentage (at most 100), feedback as stars out of five; the score is their weighted mean. Equal
	 * scores share a rank, and the extra quota of that rank; the next rank skips as many places.
	 */
	static List<GroupRankingView.Row> score(List<Figures> figures, GroupRankingRequest.Weights w, List<Integer> quotas) {
		int busiest = figures.stream().mapToInt(Figures::activities).max().orElse(0);
		record Scored(Figures f, BigDecimal rate, BigDecimal score) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Figures f : figures) {
			BigDecimal rate = f.members() == 0 ? BigDecimal.ZERO.setScale(4)
					: BigDecimal.valueOf(f.attendees() * 100.0 / f.members()).setScale(4, RoundingMode.HALF_UP);
			double activities = busiest == 0 ? 0 : f.activities() * 100.0 / busiest;
			double participation = Math.min(100.0, rate.doubleValue());
			double feedback = f.averageFeedback() == null ? 0 : f.averageFeedback().doubleValue() * 20.0;
			double score = (w.activities() * activities + w.participation() * participation + w.feedback() * feedback) / 100.0;
			scored.add(new Scored(f, rate, BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP)));
		}
		scored.sort(Comparator.comparing(Scored::score).reversed());
		List<GroupRankingView.Row> rows = new ArrayList<>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < scored.size(); i++) {
			Scored s = scored.get(i);
			if (previous == null || s.score().compareTo(previous) != 0) {
				rank = i + 1;
				previous = s.score();
			}
			// a group that held nothing earns nothing, even when most groups tie at the bottom
			int quota = rank <= quotas.size() && s.f().activities() > 0 ? quotas.get(rank - 1) : 0;
			Figures f = s.f();
			rows.add(new GroupRankingView.Row(f.group().id(), f.group().name(), f.activities(), f.attendees(),
					f.members(), s.rate(), f.feedbackCount(), f.averageFeedback(), s.score(), rank, quota));
		}
		return rows;
	}
}
