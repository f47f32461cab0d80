package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextInputTest {

	@Test
	void fullWidthDigitsAndLettersBecomeAsciiButChinesePunctuationStays() {
		assertThat(TextInput.normalize("\u3000市财政局（机关）１２３ＡＢ ")).isEqualTo("市财政局（机关）123AB");
	}

	@Test
	void blankIsNull() {
		assertThat(TextInput.normalize(" \u3000 ")).isNull();
		assertThat(TextInput.compact(null)).isNull();
	}

	@Test
	void numbersLoseEverySpaceAndFullWidthSymbol() {
		assertThat(TextInput.compact("＋86 139－1234 5678")).isEqualTo("+86139-12345678");
	}
}
