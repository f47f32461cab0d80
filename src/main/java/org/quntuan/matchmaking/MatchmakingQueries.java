package org.quntuan.matchmaking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.Gender;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of matchmaking. A member sees other profiles only as cards and only while their own is listed;
 * every view of a profile by a reviewer is written to the access log (查看个人信息).
 */
@Service
@Transactional(readOnly = true)
public class MatchmakingQueries {

	private final ProfileRepository profiles;

	private final PhotoRepository photos;

	private final SearchRepository search;

	private final InterestRepository interests;

	private final ReviewQueue queue;

	private final MatchmakingAccess access;

	private final MatchmakingSettings settings;

	private final Profiles own;

	private final AuditLog audit;

	private final Clock clock;

	MatchmakingQueries(ProfileRepository profiles, PhotoRepository photos, SearchRepository search,
			InterestRepository interests, ReviewQueue queue, MatchmakingAccess access, MatchmakingSettings settings,
			Profiles own, AuditLog audit, Clock clock) {
		this.profiles = profiles;
		this.photos = photos;
		this.search = search;
		this.interests = interests;
		this.queue = queue;
		this.access = access;
		this.settings = settings;
		this.own = own;
		this.audit = audit;
		this.clock = clock;
	}

	int year() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
	}

	public MatchmakingViews.Rules rules() {
		CurrentUser user = access.current();
		Integer consented = user.personId() == null ? null : profiles.consentedVersion(user.personId()).orElse(null);
		return new MatchmakingViews.Rules(settings.rulesVersion(), Texts.localized("matchmaking.rules.text"), consented,
				consented == null || consented != settings.rulesVersion());
	}

	/** The caller's profile with who reviewed it and when; null if none. */
	public MatchmakingViews.MyProfile mineOrNull() {
		ProfileRow p = own.ownIfAny();
		return p == null ? null : view(p);
	}

	public MatchmakingViews.MyProfile mine() {
		return view(own.own());
	}

	MatchmakingViews.MyProfile view(ProfileRow p) {
		List<MatchmakingViews.Review> reviews = profiles.reviews(p.id()).stream()
			.map(r -> new MatchmakingViews.Review(r.approved(), r.reason(), r.reviewerName(), r.decidedAt())).toList();
		return new MatchmakingViews.MyProfile(p.id(), p.status().toCodeLabel(), p.returnReason(), p.nickname(),
				Gender.valueOf(p.gender()).toCodeLabel(), p.birthYear(), p.height(), p.education().toCodeLabel(),
				p.hometown(), p.hobbies(), p.intro(),
				new MatchmakingViews.Preferences(p.prefAgeFrom(), p.prefAgeTo(), p.prefHeightFrom(), p.prefHeightTo(),
						p.prefEducation() == null ? null : p.prefEducation().toCodeLabel(), p.prefTags()),
				p.paused(), p.recommendations(), p.withdrawn(),
				p.listed() && p.consentVersion() == settings.rulesVersion(), p.deletedAt() != null, p.version(), reviews,
				photoIds(p.id()));
	}

	/** The reviewer's queue (waiting first); the listing itself is logged as a view of personal data. */
	public PageResult<MatchmakingViews.ReviewItem> queue(boolean pendingOnly, PageRequest page) {
		CurrentUser user = access.current();
		access.requireReviewer(user);
		PageResult<MatchmakingViews.ReviewItem> result = queue.page(MatchmakingAccess.reviewScope(user), pendingOnly, page);
		if (!result.content().isEmpty()) {
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), Profiles.PROFILE,
					null, AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.queue-viewed", result.content().size(),
							result.content().stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","))));
		}
		return result;
	}

	/** One profile as its reviewer opens it, logged. */
	public MatchmakingViews.ReviewItem reviewItem(long id) {
		CurrentUser user = access.current();
		access.requireReviewer(user);
		ProfileRow p = profiles.find(id).filter(r -> r.deletedAt() == null && MatchmakingAccess.reviews(user, r))
			.orElseThrow(NotFoundException::new);
		MatchmakingViews.ReviewItem item = queue.item(p.id(), view(p));
		audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), Profiles.PROFILE, id,
				AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.viewed", id), p.organPath());
		return item;
	}

	/** Whether the caller reviews profiles (the reviewer pages). */
	public boolean reviewer() {
		return MatchmakingAccess.reviewer(access.current());
	}

	public boolean federation() {
		return MatchmakingAccess.federation(access.current());
	}

	/** Listed profiles by the filters; nothing for a member whose own profile is not listed. */
	public PageResult<MatchmakingViews.Card> search(SearchFilter filter, PageRequest page) {
		ProfileRow me = own.shownOwn();
		int year = year();
		var condition = filter.condition(year);
		if (me == null) {
			return PageResult.of(List.of(), page, 0);
		}
		PageResult<ProfileRow> rows = search.search(me, condition, page);
		Map<Long, List<Long>> ids = photos.idsOf(rows.content().stream().map(ProfileRow::id).toList());
		return rows.map(p -> card(p, year, null, ids.getOrDefault(p.id(), List.of())));
	}

	public MatchmakingViews.Card card(long id) {
		ProfileRow me = own.shownOwn();
		if (me == null) {
			throw new NotFoundException();
		}
		return card(search.visible(me, id).orElseThrow(NotFoundException::new), year(), null, photoIds(id));
	}

	/** The top N by the two-sided score, with the reasons; none when the member switched them off. */
	public PageResult<MatchmakingViews.Card> recommendations() {
		ProfileRow me = own.shownOwn();
		PageRequest page = PageRequest.of(0, settings.recommendations());
		if (me == null || !me.recommendations()) {
			return PageResult.of(List.of(), page, 0);
		}
		int year = year();
		List<Recommender.Scored> top = Recommender.top(me, search.candidates(me, year), settings.recommendations());
		List<Long> topIds = top.stream().map(s -> s.profile().id()).toList();
		Map<Long, List<Long>> ids = photos.idsOf(topIds);
		Map<Long, ProfileRow> whole = new HashMap<>();
		search.rows(topIds).forEach(r -> whole.put(r.id(), r));
		List<MatchmakingViews.Card> cards = top.stream().filter(s -> whole.containsKey(s.profile().id()))
			.map(s -> card(whole.get(s.profile().id()), year, reason(s.reasons()),
					ids.getOrDefault(s.profile().id(), List.of())))
			.toList();
		return PageResult.of(cards, page, cards.size());
	}

	private static String reason(List<Text> reasons) {
		return reasons.stream().map(Texts::localized).collect(Collectors.joining(Texts.localized("matchmaking.reason.separator")));
	}

	static MatchmakingViews.Card card(ProfileRow p, int year, String reason, List<Long> photos) {
		return new MatchmakingViews.Card(p.id(), p.nickname(), Gender.valueOf(p.gender()).toCodeLabel(),
				year - p.birthYear(), p.height(), p.education().toCodeLabel(), p.hometown(), p.hobbies(), p.intro(), reason,
				photos);
	}

	private List<Long> photoIds(long profileId) {
		return photos.ofProfile(profileId).stream().map(PhotoRepository.PhotoRow::id).toList();
	}

	/** The caller's interests, sent and received; the other side as a card. */
	public PageResult<MatchmakingViews.Interest> interests(PageRequest page) {
		ProfileRow me = own.ownIfAny();
		if (me == null) {
			return PageResult.of(List.of(), page, 0);
		}
		int year = year();
		boolean shown = own.shownOwn() != null;
		return interests.ofProfile(me.id(), page).map(i -> {
			boolean sent = i.fromProfileId() == me.id();
			ProfileRow other = profiles.find(sent ? i.toProfileId() : i.fromProfileId()).orElseThrow();
			return new MatchmakingViews.Interest(i.id(), sent ? "SENT" : "RECEIVED", i.status().toCodeLabel(),
					card(other, year, null, photoIds(other.id())), i.createdAt(), !sent && i.status() == InterestStatus.PENDING && shown);
		});
	}

	/** The caller's matches: only here the other's real name, organ and mobile. */
	public PageResult<MatchmakingViews.Match> matches(PageRequest page) {
		ProfileRow me = own.ownIfAny();
		if (me == null) {
			return PageResult.of(List.of(), page, 0);
		}
		return interests.matches(me.id(), page).map(m -> new MatchmakingViews.Match(m.id(), m.otherProfileId(),
				m.nickname(), m.name(), m.organName(), m.mobile(), m.createdAt()));
	}

	/** Reports, for the work committee's reviewers only. */
	public PageResult<MatchmakingViews.Report> reports(PageRequest page) {
		if (!federation()) {
			throw new ForbiddenException("matchmaking.report.error.federation-only");
		}
		return interests.reports(page).map(r -> new MatchmakingViews.Report(r.id(), r.reportedProfileId(),
				r.reportedNickname(), r.reason(), r.createdAt()));
	}

}
