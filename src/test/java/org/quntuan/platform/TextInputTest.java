package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextInputTest {

	@Test
	void fullWidthDigitsAndLettersBecomeAsciiButChinesePunctuationStays() {
		assertThat(TextInput.normalize("\u3000市财政局（机关）１２３ＡＢ ")).isEqualTo("市财政局（机关）123AB");
		assertThat(TextInput.name("name", "\u3000市财政局（机关）１２３ＡＢ ")).isEqualTo("市财政局（机关）123AB");
	}

	@Test
	void blankIsNull() {
		assertThat(TextInput.normalize(" \u3000 ")).isNull();
		assertThat(TextInput.name("name", " \u3000 ")).isNull();
		assertThat(TextInput.compact(null)).isNull();
	}

	@Test
	void numbersLoseEverySpaceAndFullWidthSymbol() {
		assertThat(TextInput.compact("＋86 139－1234 5678")).isEqualTo("+86139-12345678");
	}

	@Test
	void aDecomposedNameIsStoredComposedSoItMatchesTheSameNameTypedElsewhere() {
		String decomposed = "Zoe\u0301 李";
		assertThat(TextInput.name("name", decomposed)).isEqualTo("Zo\u00e9 李");
		assertThat(TextInput.normalize(decomposed)).isEqualTo("Zo\u00e9 李");
	}

	@Test
	void aNameWithAZeroWidthSpaceIsRefusedInChineseNamingTheField() {
		assertThatThrownBy(() -> TextInput.name("name", "张\u200b三")).isInstanceOf(InvalidValueException.class)
			.hasMessageContaining("不可见字符")
			.extracting(ex -> ((InvalidValueException) ex).field())
			.isEqualTo("name");
	}

	@Test
	void namesRefuseEveryFormatCharacterAndLineBreak() {
		for (String bad : new String[] { "\u200b\u200c\u200d", "\ufeff张三", "张\u202e三", "张\u2066三\u2069", "张\u00ad三",
				"张\u200f三" }) {
			assertThatThrownBy(() -> TextInput.name("title", bad)).as(bad).hasMessage(Texts.chinese(TextInput.INVISIBLE));
		}
		for (String bad : new String[] { "张\n三", "张\r三", "张\t三", "张\u0000三", "张\u2028三", "张\u0085三" }) {
			assertThatThrownBy(() -> TextInput.name("title", bad)).as(bad).hasMessage(Texts.chinese(TextInput.SINGLE_LINE));
		}
	}

	@Test
	void aLoneSurrogateIsRefusedInNamesAndTextsButAWholeRareCharacterIsKept() {
		assertThatThrownBy(() -> TextInput.name("name", "张\ud800")).hasMessage(Texts.chinese(TextInput.BROKEN));
		assertThatThrownBy(() -> TextInput.text("body", "正文\udc00")).hasMessage(Texts.chinese(TextInput.BROKEN));
		// 𠀀 (U+20000) is a pair of surrogates: a rare character in a real name
		assertThat(TextInput.name("name", "王\ud840\udc00")).isEqualTo("王\ud840\udc00");
		assertThat(TextInput.text("body", "王\ud840\udc00")).isEqualTo("王\ud840\udc00");
		assertThat(TextInput.normalize("张\ud800三")).isEqualTo("张三");
	}

	@Test
	void aNameOfInvisibleLettersOnlyIsRefused() {
		assertThatThrownBy(() -> TextInput.name("name", "\u3164\u3164")).hasMessage(Texts.chinese(TextInput.BLANK));
		assertThat(TextInput.name("name", "李\u3164")).isNotNull();
	}

	@Test
	void longTextsKeepLinesAndTabsButLoseOtherControlsAndDirectionOverrides() {
		assertThat(TextInput.text("body", "第一行\r\n第二行\r第三行\n\t缩进\u0007\u202e反向\u202c\ufeff"))
			.isEqualTo("第一行\n第二行\n第三行\n\t缩进反向");
	}
}
