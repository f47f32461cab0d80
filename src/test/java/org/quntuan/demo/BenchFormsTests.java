package org.quntuan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The benchmark's form generator runs on both databases and its aggregate adds up. */
class BenchFormsTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theBenchmarkFormIsAnsweredByEveryUnionAndItsAggregateMatchesTheStoredValues() throws Exception {
		new BenchForms(jdbc, jdbcTemplate, clock, tx).run(null);
		new BenchForms(jdbc, jdbcTemplate, clock, tx).run(null);
		long form = jdbc.sql("select id from stat_form where title = :t").param("t", BenchForms.TITLE).query(Long.class)
			.single();
		long unions = jdbc.sql("select count(*) from org where type = 'UNION' and active = true").query(Long.class).single();
		JsonNode aggregate = body(mvc.perform(get("/api/v1/forms/" + form + "/aggregate")
			.header("Authorization", bearer("admin"))).andReturn());
		assertThat(aggregate.get("submitted").asLong()).isEqualTo(unions);
		assertThat(aggregate.get("fields")).hasSize(16);
		long first = aggregate.get("fields").get(0).get("fieldId").asLong();
		long sum = jdbc.sql("select sum(value_number) from stat_form_value where field_id = :f").param("f", first)
			.query(Long.class).single();
		assertThat(aggregate.get("fields").get(0).get("sum").asLong()).isEqualTo(sum);
		assertThat(aggregate.get("groups")).hasSize(8);
	}
}
