package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdNumberTest {

	/** A fixed seed, printed, so that a failure can be replayed. */
	private static final long SEED = 20261127L;

	static String make(LocalDate birth, int sequence, boolean male) {
		int seq = (sequence % 100) * 10 + (male ? 1 : 2);
		String first17 = "990101" + birth.toString().replace("-", "") + String.format("%03d", seq);
		return first17 + IdNumber.checkCharacter(first17);
	}

	@Test
	void acceptsAPublishedExampleAndReadsBirthDateAndGender() {
		IdNumber id = IdNumber.parse("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.isMale()).isFalse();
	}

	@Test
	void normalisesFullWidthDigitsSpacesAndLowerCaseX() {
		assertThat(IdNumber.parse(" １１０１０５１９４９１２３１００２x ").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void refusesWrongCheckCharacterBadDateAndWrongLength() {
		assertThatThrownBy(() -> IdNumber.parse("110105194912310021")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("校验位");
		assertThatThrownBy(() -> IdNumber.parse(make(LocalDate.of(1990, 1, 1), 1, true).replace("19900101", "19901301")))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> IdNumber.parse("1101051949")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("18 位");
		assertThatThrownBy(() -> IdNumber.parse(null)).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void everyGeneratedNumberValidatesAndAnySingleDigitChangeIsCaught() {
		System.out.println("IdNumberTest seed " + SEED);
		Random random = new Random(SEED);
		for (int i = 0; i < 2000; i++) {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25000));
			boolean male = random.nextBoolean();
			String value = make(birth, random.nextInt(1000), male);
			IdNumber id = IdNumber.parse(value);
			assertThat(id.birthDate()).isEqualTo(birth);
			assertThat(id.isMale()).isEqualTo(male);
			int pos = random.nextInt(17);
			char original = value.charAt(pos);
			char changed = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
			String tampered = value.substring(0, pos) + changed + value.substring(pos + 1);
			assertThat(IdNumber.problem(tampered)).as("seed %d, %s", SEED, tampered).isNotNull();
		}
	}

	@Test
	void masksAllButTheFirstThreeAndLastFour() {
		assertThat(IdNumber.parse("11010519491231002X").masked()).isEqualTo("110***********002X");
		assertThat(MobileNumber.parse("13912345678").masked()).isEqualTo("139****5678");
	}
}
