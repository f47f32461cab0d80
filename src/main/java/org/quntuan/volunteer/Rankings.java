package org.quntuan.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's rankings by verified hours. Persons are ranked within the caller's reach: the people an admin
 * administers, or a member's own organ; teams and organs (sums, no personal data) are ranked for everyone.
 */
@Service
@Transactional(readOnly = true)
class Rankings {

	private final RankingRepository repository;

	private final VolunteerAccess access;

	private final VolunteerSettings settings;

	private final Clock clock;

	Rankings(RankingRepository repository, VolunteerAccess access, VolunteerSettings settings, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.settings = settings;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	int year(Integer year) {
		int current = today().getYear();
		if (year == null) {
			return current;
		}
		if (year < 2000 || year > current) {
			throw new InvalidValueException("year", "volunteer.ranking.error.year");
		}
		return year;
	}

	static RankingBy by(String by) {
		RankingBy parsed;
		try {
			parsed = RankingBy.valueOf(by == null || by.isBlank() ? "PERSON" : by.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("by", "volunteer.ranking.error.by");
		}
		return parsed;
	}

	PageResult<VolunteerViews.RankRow> ranking(int year, RankingBy by, PageRequest page) {
		PageResult<RankingRepository.Row> rows = switch (by) {
			case PERSON -> repository.persons(personScope(), year, page);
			case TEAM -> repository.teams(year, page);
			case ORG -> repository.organs(year, page);
		};
		List<VolunteerViews.RankRow> content = new ArrayList<>();
		int rank = (int) page.offset();
		for (RankingRepository.Row r : rows.content()) {
			StarLevel star = by == RankingBy.PERSON && r.lifetime() != null ? settings.starOf(r.lifetime()) : null;
			content.add(new VolunteerViews.RankRow(++rank, r.id(), r.name(), r.organName(), r.volunteers(),
					Hours.format(r.hours()), star == null ? null : star.toCodeLabel()));
		}
		return new PageResult<>(content, rows.page(), rows.size(), rows.totalElements(), rows.totalPages());
	}

	/** The whole ranking, page after page (for the export). */
	List<VolunteerViews.RankRow> all(int year, RankingBy by) {
		List<VolunteerViews.RankRow> all = new ArrayList<>();
		for (int p = 0;; p++) {
			PageResult<VolunteerViews.RankRow> page = ranking(year, by, new PageRequest(p, PageRequest.MAX_SIZE));
			all.addAll(page.content());
			if (!page.hasNext()) {
				return all;
			}
		}
	}

	private SqlCondition personScope() {
		CurrentUser user = access.user();
		if (user.scope().isAdmin()) {
			return access.administered();
		}
		Long organ = user.scope().personOrganId();
		return organ == null ? SqlCondition.NONE : SqlCondition.of("p.organ_id = :rankOrgan", "rankOrgan", organ);
	}
}
