package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodedTest {

	@Test
	void enumsAreAcceptedAsCodeOrAsChineseLabel() {
		assertThat(Coded.parse(Role.class, "ORG_ADMIN")).isEqualTo(Role.ORG_ADMIN);
		assertThat(Coded.parse(Role.class, "org_admin")).isEqualTo(Role.ORG_ADMIN);
		assertThat(Coded.parse(Role.class, "组织管理员")).isEqualTo(Role.ORG_ADMIN);
		assertThat(Coded.parse(Role.class, " ")).isNull();
		assertThatThrownBy(() -> Coded.parse(Role.class, "ROOT")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("无效");
	}

	@Test
	void travelsAsCodeAndLabel() {
		assertThat(Role.AUDITOR.toCodeLabel()).isEqualTo(new CodeLabel("AUDITOR", "经审委员"));
	}
}
