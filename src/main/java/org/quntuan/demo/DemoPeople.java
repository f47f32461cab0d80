package org.quntuan.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.quntuan.member.Gender;
import org.quntuan.member.PoliticalStatus;
import org.quntuan.member.UnionStatus;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.Pinyin;

/**
 * Plausible but fictional staff drawn from a seeded {@link Random}, so that every demo start yields
 * the same people. Identity numbers and mobiles are derived from a counter rather than drawn,
 * because both are unique in the database and a collision would abort the whole seeding.
 */
final class DemoPeople {

	static final int MIN_AGE = 22;

	static final int MAX_AGE = 60;

	/** No real administrative division code starts with 99, so a demo number is never someone's. */
	private static final String REGION_PREFIX = "990";

	/** Sequence numbers per region code: each of the 500 values comes once odd and once even. */
	private static final int PER_REGION = 500;

	private static final int MAX_PEOPLE = 1000 * PER_REGION;

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
			+ "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String MALE_GIVEN = "帅胜松伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林峰建国志文东海亮成博晨阳锋毅昊振宏";

	private static final String FEMALE_GIVEN = "淑思爽芳娜敏静丽艳娟霞秀玲桂英慧莹雪琳晶婷燕倩颖洁佳萍红玉兰梅琴蕾薇欣怡悦彤璐琪瑶雯妍露";

	/** Most common first; drawn with a bias to the front, as most staff of an organ are junior. */
	private static final String[] JUNIOR_POSITIONS = {"科员", "工作人员", "副主任科员", "主任科员"};

	private static final String[] SENIOR_POSITIONS = {"四级调研员", "副科长", "科长", "三级调研员", "办公室主任", "副处长",
			"处长", "副局长", "局长"};

	private final Random random;

	private final LocalDate today;

	private int count;

	DemoPeople(Random random, LocalDate today) {
		this.random = random;
		this.today = today;
	}

	/** The values of one person row; the codes are those of the member module's enums. */
	record Person(String name, String namePinyin, String nameInitials, Gender gender, LocalDate birthDate,
			String idNumber, String mobile, String position, PoliticalStatus politicalStatus, UnionStatus unionStatus,
			LocalDate unionJoinedOn, LocalDate hiredOn) {
	}

	Person next() {
		int n = count++;
		if (n >= MAX_PEOPLE) {
			throw new IllegalStateException("演示人员最多 " + MAX_PEOPLE + " 人");
		}
		Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
		String name = name(gender);
		// Ages MIN_AGE to MAX_AGE inclusive: born at the latest MIN_AGE years ago today, at the earliest
		// the day after the (MAX_AGE + 1)th birthday would fall
		LocalDate birth = between(today.minusYears(MAX_AGE + 1).plusDays(1), today.minusYears(MIN_AGE));
		int age = Period.between(birth, today).getYears();
		LocalDate working = birth.plusYears(MIN_AGE);
		UnionStatus union = random.nextInt(100) < 95 ? UnionStatus.MEMBER : UnionStatus.NOT_MEMBER;
		LocalDate joined = union == UnionStatus.MEMBER ? between(working, today) : null;
		return new Person(name, Pinyin.full(name, true), Pinyin.initials(name, true), gender, birth,
				idNumber(n, birth, gender), mobile(n), position(age), politicalStatus(age), union, joined,
				between(working, today));
	}

	private String name(Gender gender) {
		String given = gender == Gender.MALE ? MALE_GIVEN : FEMALE_GIVEN;
		StringBuilder sb = new StringBuilder().append(pick(SURNAMES)).append(pick(given));
		if (random.nextInt(100) < 65) {
			sb.append(pick(given));
		}
		return sb.toString();
	}

	/**
	 * Region "990" plus the counter's thousands, and a sequence unique within the region whose last
	 * digit is odd for men and even for women, as GB 11643 requires.
	 */
	static String idNumber(int n, LocalDate birth, Gender gender) {
		int sequence = (n % PER_REGION) * 2 + (gender == Gender.MALE ? 1 : 0);
		String first17 = REGION_PREFIX + String.format("%03d", n / PER_REGION)
				+ birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return first17 + IdNumber.checkCharacter(first17);
	}

	static String mobile(int n) {
		return "139" + (10_000_000 + n);
	}

	private String position(int age) {
		if (age <= 28 || random.nextInt(100) < 65) {
			return skewed(JUNIOR_POSITIONS);
		}
		return skewed(SENIOR_POSITIONS);
	}

	private PoliticalStatus politicalStatus(int age) {
		int r = random.nextInt(100);
		if (r < 55) {
			return PoliticalStatus.CPC_MEMBER;
		}
		if (r < 58) {
			return PoliticalStatus.CPC_PROBATIONARY;
		}
		if (r < 61) {
			return PoliticalStatus.DEMOCRATIC_PARTY;
		}
		if (age <= 28 && random.nextInt(100) < 85) {
			return PoliticalStatus.LEAGUE_MEMBER;
		}
		return PoliticalStatus.MASSES;
	}

	private char pick(String chars) {
		return chars.charAt(random.nextInt(chars.length()));
	}

	/** The smaller of two draws, so that earlier entries come up more often. */
	private String skewed(String[] values) {
		return values[Math.min(random.nextInt(values.length), random.nextInt(values.length))];
	}

	private LocalDate between(LocalDate from, LocalDate to) {
		return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
	}
}
