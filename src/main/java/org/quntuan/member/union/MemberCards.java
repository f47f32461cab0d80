package org.quntuan.member.union;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.member.UnionStatus;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.SignedTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 电子会员证: the member's card with a QR code that an organizer scans at an activity or a handout. The QR
 * carries {@code <person id>.<expiry>.<signature>} ({@link SignedTokens}, keyed by {@link CardKey}), valid
 * for {@code quntuan.union.card-token-lifetime}: a photo of it is useless a few minutes later. Verification
 * checks the signature and expiry in memory first, and only a genuine token costs one read by primary key.
 */
@Service
public class MemberCards {

	private final UnionAccess access;

	private final CardKey key;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lifetime;

	MemberCards(UnionAccess access, CardKey key, JdbcClient jdbc, Clock clock,
			@Value("${quntuan.union.card-token-lifetime:PT5M}") Duration lifetime) {
		this.access = access;
		this.key = key;
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	private record Holder(String name, String unionStatus, String unionName, String memberNumber, LocalDate joinedOn) {
	}

	private static final String HOLDER = """
			select p.name, p.union_status, u.name as union_name, m.member_number, p.union_joined_on
			from person p left join member_union_membership m on m.person_id = p.id
			left join org u on u.id = coalesce(m.union_id,
			  (select min(x.id) from org x where x.parent_id = p.organ_id and x.type = 'UNION'))
			where p.id = :id""";

	private Optional<Holder> holder(long personId) {
		return jdbc.sql(HOLDER).param("id", personId).query((rs, i) -> new Holder(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class))).optional();
	}

	/** The caller's card; 422 for who is not a member. @param base the address the caller reached us at */
	public UnionViews.Card mine(String base) {
		long personId = access.requirePerson();
		Holder h = holder(personId).filter(x -> UnionStatus.MEMBER.name().equals(x.unionStatus()))
			.orElseThrow(() -> new BusinessRuleException("union.card.error.not-member"));
		OffsetDateTime now = OffsetDateTime.now(clock);
		String token = personId + "." + SignedTokens.issue(String.valueOf(personId), key.secret(), now, lifetime);
		String url = UriComponentsBuilder.fromUriString(base).path("/verify/member-cards/{t}").buildAndExpand(token)
			.toUriString();
		return new UnionViews.Card(h.name(), h.unionName(), h.memberNumber(), h.joinedOn(), token, now.plus(lifetime), url);
	}

	/** Valid only for a genuine, unexpired token of a person who is a member now; otherwise nothing is said of anyone. */
	public UnionViews.Verification verify(String token) {
		if (token == null || token.length() > 120) {
			return invalid();
		}
		int dot = token.indexOf('.');
		long personId;
		try {
			personId = Long.parseLong(token.substring(0, Math.max(dot, 0)));
		}
		catch (NumberFormatException ex) {
			return invalid();
		}
		if (SignedTokens.verify(String.valueOf(personId), key.secret(), token.substring(dot + 1),
				OffsetDateTime.now(clock)) != SignedTokens.Check.VALID) {
			return invalid();
		}
		return holder(personId).filter(h -> UnionStatus.MEMBER.name().equals(h.unionStatus()))
			.map(h -> new UnionViews.Verification(true, masked(h.name()), h.unionName()))
			.orElseGet(MemberCards::invalid);
	}

	private static UnionViews.Verification invalid() {
		return new UnionViews.Verification(false, null, null);
	}

	/** The surname and stars: 张三 → 张*, 欧阳娜娜 → 欧***. */
	static String masked(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}
}
