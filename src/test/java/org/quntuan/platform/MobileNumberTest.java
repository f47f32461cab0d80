package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MobileNumberTest {

	@Test
	void acceptsCommonWaysOfWritingAMobileNumber() {
		assertThat(MobileNumber.parse("139-1234-5678").value()).isEqualTo("13912345678");
		assertThat(MobileNumber.parse("+86 139 1234 5678").value()).isEqualTo("13912345678");
		assertThat(MobileNumber.parse("１３９１２３４５６７８").value()).isEqualTo("13912345678");
	}

	@Test
	void refusesWhatIsNotAMainlandMobile() {
		assertThatThrownBy(() -> MobileNumber.parse("12912345678")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("手机号");
		assertThatThrownBy(() -> MobileNumber.parse("1391234567")).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> MobileNumber.parse("")).isInstanceOf(InvalidValueException.class);
	}
}
