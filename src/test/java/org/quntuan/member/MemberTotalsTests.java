package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The totals of unsearched people lists are kept for a while (counting 100,000 people on every
 * page is what made the federation's list slow); a change made through the application shows at
 * once, a searched list is always counted afresh.
 */
@TestPropertySource(properties = "quntuan.members.total-cache-ttl=PT1H")
class MemberTotalsTests extends IntegrationTest {

	private long total(String query) throws Exception {
		return body(mvc.perform(get("/api/v1/members?size=1" + query).header("Authorization", bearer("admin")))
			.andExpect(status().isOk())
			.andReturn()).get("totalElements").asLong();
	}

	private long counted() {
		return jdbc.sql("select count(*) from person where active = true").query(Long.class).single();
	}

	@Test
	void anUnsearchedTotalIsKeptAndAPersonRegisteredThroughTheApplicationShowsAtOnce() throws Exception {
		long before = total("");
		assertThat(before).isEqualTo(counted());

		// a row written behind the application's back (as another node would): the kept total stands
		jdbc.sql("""
				insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile, mobile_reversed,
				  active_mobile, organ_id, political_status, union_status, employment_status, active, created_at, updated_at, version)
				select '缓存测试', 'huancunceshi', 'hcc', 'MALE', date '1990-01-01', '990101199001010000', '16600000001',
				  '10000000661', '16600000001', organ_id, political_status, union_status, employment_status, true,
				  created_at, updated_at, 0 from person where active = true order by id fetch first 1 rows only""").update();
		assertThat(total("")).isEqualTo(before);
		assertThat(total("&q=huancun")).as("a search counts afresh").isEqualTo(1);
		assertThat(total("&q=huancun&page=3")).as("a page past the end still knows the number").isEqualTo(1);
		long wangs = jdbc.sql("select count(*) from person where active = true and (name_pinyin like 'wang%' or name_initials like 'wang%')")
			.query(Long.class).single();
		assertThat(total("&q=wang")).as("a search's number comes with its page").isEqualTo(wangs);

		long organ = jdbc.sql("select organ_id from person where active = true order by id fetch first 1 rows only")
			.query(Long.class).single();
		Map<String, Object> person = MemberApiTests.newPerson(organ, true);
		mvc.perform(post("/api/v1/members").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(person))).andExpect(status().isCreated());
		assertThat(total("")).as("a registration clears the kept totals").isEqualTo(counted()).isEqualTo(before + 2);
	}
}
