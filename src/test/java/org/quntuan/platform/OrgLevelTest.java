package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.quntuan.organization.OrgType;

class OrgLevelTest {

	@Test
	void everyOrganizationTypeHasItsLevelUnderTheSameName() {
		assertThat(Arrays.stream(OrgLevel.values()).map(Enum::name))
			.containsExactlyElementsOf(Arrays.stream(OrgType.values()).map(Enum::name).toList());
	}
}
