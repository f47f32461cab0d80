package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SqlConditionTest {

	@Test
	void aPathPrefixListIsOneBoundLikePerPathAndNothingWithoutPaths() {
		SqlCondition under = SqlCondition.pathUnder("o.path", "p", List.of("/1/2/", "/1/9/"));
		assertThat(under.sql()).isEqualTo("((o.path like :p0) or (o.path like :p1))");
		assertThat(under.params()).isEqualTo(Map.of("p0", "/1/2/%", "p1", "/1/9/%"));
		assertThat(SqlCondition.pathUnder("o.path", "p", List.of())).isEqualTo(SqlCondition.NONE);
		assertThat(SqlCondition.pathUnder("o.path", "p", List.of("/1/")).sql()).isEqualTo("(o.path like :p0)");
	}

	@Test
	void theTextIsAlwaysEnclosedSoThatItFollowsAnyOperator() {
		assertThat(new SqlCondition("exists (select 1 from t) or a = 1", Map.of()).sql())
			.isEqualTo("(exists (select 1 from t) or a = 1)");
		assertThat(new SqlCondition("(a = 1) or (b = 2)", Map.of()).sql()).isEqualTo("((a = 1) or (b = 2))");
		assertThat(new SqlCondition("(a = ')' or b = 2)", Map.of()).sql()).isEqualTo("(a = ')' or b = 2)");
		assertThat(new SqlCondition(" (a = 1) ", Map.of()).sql()).isEqualTo("(a = 1)");
	}

	@Test
	void aPrefixCannotBecomeAWildcard() {
		assertThat(SqlCondition.likePrefix("/1/_%/")).isEqualTo("/1/\\_\\%/%");
	}

	@Test
	void everythingAndNothingAbsorbOrVanishAsLogicSays() {
		SqlCondition mine = SqlCondition.of("a.owner = :me", "me", 7L);
		assertThat(SqlCondition.anyOf(List.of())).isEqualTo(SqlCondition.NONE);
		assertThat(SqlCondition.allOf(List.of())).isEqualTo(SqlCondition.ALL);
		assertThat(mine.or(SqlCondition.ALL)).isEqualTo(SqlCondition.ALL);
		assertThat(mine.or(SqlCondition.NONE)).isEqualTo(mine);
		assertThat(mine.and(SqlCondition.NONE)).isEqualTo(SqlCondition.NONE);
		assertThat(mine.and(SqlCondition.ALL)).isEqualTo(mine);
		SqlCondition both = mine.and(SqlCondition.of("a.year = :y", "y", 2026));
		assertThat(both.sql()).isEqualTo("((a.owner = :me) and (a.year = :y))");
		assertThat(both.params()).isEqualTo(Map.of("me", 7L, "y", 2026));
	}

	@Test
	void oneNameBoundToTwoValuesIsRefusedRatherThanOverwritten() {
		SqlCondition a = SqlCondition.of("x.organ = :o", "o", 1L);
		SqlCondition b = SqlCondition.of("y.organ = :o", "o", 2L);
		assertThatThrownBy(() -> a.or(b)).isInstanceOf(IllegalStateException.class);
		assertThat(a.or(SqlCondition.of("z.organ = :o", "o", 1L)).params()).isEqualTo(Map.of("o", 1L));
		assertThatThrownBy(() -> a.paramsWith("o", 3L)).isInstanceOf(IllegalStateException.class);
		assertThat(a.paramsWith("id", 5L)).isEqualTo(Map.of("o", 1L, "id", 5L));
	}
}
