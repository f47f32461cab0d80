package org.quntuan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

	@Test
	void fullPinyinAndInitialsOfAName() {
		assertThat(Pinyin.full("张三", true)).isEqualTo("zhangsan");
		assertThat(Pinyin.initials("张三", true)).isEqualTo("zs");
	}

	@Test
	void surnamesReadTheirSurnameWay() {
		assertThat(Pinyin.full("曾国藩", true)).isEqualTo("zengguofan");
		assertThat(Pinyin.full("单雄信", true)).startsWith("shan");
		assertThat(Pinyin.full("吕布", true)).isEqualTo("lvbu");
	}

	@Test
	void latinLettersAndDigitsStayAsTheyAre() {
		assertThat(Pinyin.full("Anna 李", true)).isEqualTo("annali");
	}
}
