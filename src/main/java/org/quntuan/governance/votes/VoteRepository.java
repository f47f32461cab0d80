package org.quntuan.governance.votes;

import java.util.Map;
import java.sql.Types;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Votes, their options, who may vote, who voted, and the ballots (which name no voter when secret). */
@Repository
class VoteRepository {

	record VoteRow(long id, String title, long ownerOrgId, String ownerOrgName, String ownerOrgPath, boolean secret,
			int maxChoices, OffsetDateTime opensAt, OffsetDateTime closesAt, String creatorName, int eligible) {
	}

	record OptionRow(long id, int position, String label) {
	}

	private static final String VOTE = """
			select v.*, o.name as owner_org_name, o.path as owner_org_path,
			  (select count(*) from gov_vote_voter e where e.vote_id = v.id) as eligible
			from gov_vote v join org o on o.id = v.owner_org_id""";

	private final JdbcClient jdbc;

	VoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String title, long ownerOrgId, boolean secret, int maxChoices, OffsetDateTime opensAt,
			OffsetDateTime closesAt, long accountId, String creatorName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into gov_vote (title, owner_org_id, secret, max_choices, opens_at, closes_at, creator_account_id,
				  creator_name, created_at)
				values (:title, :org, :secret, :max, :opens, :closes, :account, :creator, :now)""")
			.param("title", title).param("org", ownerOrgId).param("secret", secret).param("max", maxChoices)
			.param("opens", opensAt).param("closes", closesAt).param("account", accountId).param("creator", creatorName)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertOption(long voteId, int position, String label) {
		jdbc.sql("insert into gov_vote_option (vote_id, position, label) values (:v, :p, :l)").param("v", voteId)
			.param("p", position).param("l", label).update();
	}

	record OrgRow(long id, String name, String type, String path, Long parentId) {
	}

	Optional<OrgRow> org(long id) {
		return jdbc.sql("select id, name, type, path, parent_id from org where id = :id and active = true").param("id", id)
			.query((rs, i) -> new OrgRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Long) rs.getObject(5, Long.class)))
			.optional();
	}

	/**
	 * Every active person whose organ lies under the org's path, or who works in the organ of a union, league
	 * branch or women's committee (organ), and whom the caller reaches.
	 */
	int addVotersOf(long voteId, OrgRow org, long organ, SqlCondition reach) {
		return jdbc.sql("""
				insert into gov_vote_voter (vote_id, person_id)
				select :v, p.id from person p join org organ on organ.id = p.organ_id
				where p.active = true and (organ.path like :prefix or organ.id = :organ) and """ + reach.sql())
			.params(reach.params()).param("v", voteId).param("prefix", SqlCondition.likePrefix(org.path()))
			.param("organ", organ).update();
	}

	void addVoter(long voteId, long personId) {
		jdbc.sql("insert into gov_vote_voter (vote_id, person_id) values (:v, :p)").param("v", voteId).param("p", personId)
			.update();
	}

	/** The people of the list who exist, are active and match the condition (the caller's reach). */
	List<Long> reachable(Collection<Long> personIds, SqlCondition reach) {
		return jdbc.sql("select p.id from person p where p.active = true and p.id in (:ids) and " + reach.sql())
			.params(reach.params()).param("ids", personIds).query(Long.class).list();
	}

	Optional<VoteRow> find(long id) {
		return jdbc.sql(VOTE + " where v.id = :id").param("id", id).query(VoteRepository::map).optional();
	}

	List<OptionRow> options(long voteId) {
		return jdbc.sql("select id, position, label from gov_vote_option where vote_id = :v order by position")
			.param("v", voteId).query((rs, i) -> new OptionRow(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
	}

	boolean eligible(long voteId, long personId) {
		return jdbc.sql("select count(*) from gov_vote_voter where vote_id = :v and person_id = :p").param("v", voteId)
			.param("p", personId).query(Integer.class).single() > 0;
	}

	boolean voted(long voteId, long personId) {
		return jdbc.sql("select count(*) from gov_vote_register where vote_id = :v and person_id = :p").param("v", voteId)
			.param("p", personId).query(Integer.class).single() > 0;
	}

	/** Marks the person as having voted; a second time fails on the key (DuplicateKeyException). */
	void register(long voteId, long personId) {
		jdbc.sql("insert into gov_vote_register (vote_id, person_id) values (:v, :p)").param("v", voteId)
			.param("p", personId).update();
	}

	/** A ballot under a random id; the voter is kept only for an open vote (null when secret). */
	void ballot(long voteId, Long openVoter, Collection<Long> optionIds) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into gov_vote_ballot (id, vote_id, person_id) values (:id, :v, :p)").param("id", id)
			.param("v", voteId).param("p", openVoter, Types.BIGINT).update();
		for (Long option : optionIds) {
			jdbc.sql("insert into gov_vote_choice (ballot_id, option_id) values (:b, :o)").param("b", id)
				.param("o", option).update();
		}
	}

	/** Option id → choices, counted in SQL. */
	List<long[]> counts(long voteId) {
		return jdbc.sql("""
				select o.id, (select count(*) from gov_vote_choice c where c.option_id = o.id) as n
				from gov_vote_option o where o.vote_id = :v order by o.position""")
			.param("v", voteId).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
	}

	int ballots(long voteId) {
		return jdbc.sql("select count(*) from gov_vote_register where vote_id = :v").param("v", voteId)
			.query(Integer.class).single();
	}

	/** An open vote's choices by person: name, organ, option label, person id; by name. */
	List<String[]> openChoices(long voteId) {
		return jdbc.sql("""
				select p.name, organ.name, o.label, p.id from gov_vote_ballot b join person p on p.id = b.person_id
				  join org organ on organ.id = p.organ_id join gov_vote_choice c on c.ballot_id = b.id
				  join gov_vote_option o on o.id = c.option_id
				where b.vote_id = :v and b.person_id is not null order by p.name_pinyin, p.id, o.position""")
			.param("v", voteId).query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4) }).list();
	}

	/** Who voted, by name (never in the order they voted). */
	PageResult<VoteViews.Voter> voters(long voteId, PageRequest page) {
		return SqlPages.page(jdbc, "p.id, p.name, organ.name as organ_name", """
				from gov_vote_register r join person p on p.id = r.person_id join org organ on organ.id = p.organ_id
				where r.vote_id = :v""", "p.name_pinyin, p.id", Map.of("v", voteId), page,
				(rs, i) -> new VoteViews.Voter(rs.getLong(1), rs.getString(2), rs.getString(3)));
	}

	/**
	 * Votes the person may vote in, or whose owner org lies under one of the paths (the caller's admin reach),
	 * newest window first.
	 */
	PageResult<VoteRow> visible(Long personId, SqlCondition managed, PageRequest page) {
		String from = "from gov_vote v join org o on o.id = v.owner_org_id where ("
				+ (personId == null ? "1 = 0" : "exists (select 1 from gov_vote_voter e where e.vote_id = v.id and e.person_id = :self)")
				+ " or " + managed.sql() + ")";
		return SqlPages.page(jdbc, """
				v.*, o.name as owner_org_name, o.path as owner_org_path,
				  (select count(*) from gov_vote_voter e2 where e2.vote_id = v.id) as eligible""", from,
				"v.closes_at desc, v.id desc", managed.paramsWith("self", personId == null ? 0L : personId), page,
				VoteRepository::map);
	}

	private static VoteRow map(ResultSet rs, int i) throws SQLException {
		return new VoteRow(rs.getLong("id"), rs.getString("title"), rs.getLong("owner_org_id"),
				rs.getString("owner_org_name"), rs.getString("owner_org_path"), rs.getBoolean("secret"),
				rs.getInt("max_choices"), rs.getObject("opens_at", OffsetDateTime.class),
				rs.getObject("closes_at", OffsetDateTime.class), rs.getString("creator_name"), rs.getInt("eligible"));
	}
}
