package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.quntuan.organization.Targets;
import org.quntuan.platform.InvalidValueException;

class ActivityFormTest {

	private static final OffsetDateTime START = OffsetDateTime.parse("2026-05-16T09:00:00+08:00");

	/** A valid activity; each test changes what it is about. */
	private static final class Draft {

		String title = "春季健步走";

		String type = "文体";

		String place = "市民公园东门";

		Integer seats = 50;

		OffsetDateTime startAt = START;

		OffsetDateTime endAt = START.plusHours(3);

		OffsetDateTime signupOpensAt = START.minusDays(10);

		OffsetDateTime signupClosesAt = START.minusDays(1);

		OffsetDateTime cancelDeadline = null;

		Targets audience = Targets.everyone();

		String description = null;

		String gender = null;

		Integer minAge = null;

		Integer maxAge = null;

		ActivityForm form() {
			return new ActivityForm(title, type, null, place, seats, startAt, endAt, signupOpensAt, signupClosesAt,
					cancelDeadline, audience, description, null, gender, minAge, maxAge, null, null, null);
		}

		ActivityForm.Checked check() {
			return form().check();
		}

		InvalidValueException refusal() {
			return catchThrowableOfType(InvalidValueException.class, this::check);
		}
	}

	@Test
	void aCompleteActivityIsAcceptedWithItsTypeFromTheChineseLabel() {
		Draft d = new Draft();
		d.title = "  春季健步走 ";
		ActivityForm.Checked checked = d.check();
		assertThat(checked.title()).isEqualTo("春季健步走");
		assertThat(checked.type()).isEqualTo(ActivityType.SPORTS_CULTURE);
		assertThat(checked.seats()).isEqualTo(50);
		assertThat(checked.needsApproval()).isFalse();
		assertThat(checked.gender()).isNull();
		assertThat(checked.description()).isNull();
	}

	@Test
	void titleTypeAndPlaceAreRequired() {
		Draft d = new Draft();
		d.title = " ";
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("title", "请填写活动名称");
		d = new Draft();
		d.title = "名".repeat(201);
		assertThat(d.refusal().getMessage()).isEqualTo("不能超过 200 字");
		d = new Draft();
		d.type = null;
		assertThat(d.refusal().getMessage()).isEqualTo("请选择活动类型");
		d.type = "烧烤";
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("type", "活动类型无效：烧烤");
		d = new Draft();
		d.place = null;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("place", "请填写活动地点");
	}

	@Test
	void seatsAreOneTo100000() {
		Draft d = new Draft();
		d.seats = 1;
		assertThat(d.check().seats()).isEqualTo(1);
		d.seats = ActivityForm.MAX_SEATS;
		assertThat(d.check().seats()).isEqualTo(100_000);
		for (Integer wrong : new Integer[] { null, 0, -1, 100_001 }) {
			d.seats = wrong;
			assertThat(d.refusal().getMessage()).as("%s seats", wrong).isEqualTo("名额须为 1 至 100000 之间的整数");
		}
	}

	@Test
	void theActivityEndsAfterItStarts() {
		Draft d = new Draft();
		d.endAt = START;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("endAt", "结束时间须晚于开始时间");
		d.endAt = null;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("endAt", "请填写活动开始和结束时间");
		d.startAt = null;
		assertThat(d.refusal().field()).isEqualTo("startAt");
	}

	@Test
	void signUpOpensBeforeItClosesAndClosesNoLaterThanTheEnd() {
		Draft d = new Draft();
		d.signupClosesAt = d.signupOpensAt;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("signupClosesAt", "报名截止时间须晚于报名开始时间");
		d = new Draft();
		d.signupClosesAt = d.endAt;
		assertThat(d.check()).as("closing at the very end is allowed").isNotNull();
		d.signupClosesAt = d.endAt.plusMinutes(1);
		assertThat(d.refusal().getMessage()).isEqualTo("报名截止时间不能晚于活动结束时间");
		d = new Draft();
		d.signupOpensAt = null;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("signupOpensAt", "请填写报名开始和截止时间");
	}

	@Test
	void cancellationsCloseAtTheStartAtTheLatest() {
		Draft d = new Draft();
		d.cancelDeadline = START;
		assertThat(d.check()).isNotNull();
		d.cancelDeadline = START.plusSeconds(1);
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("cancelDeadline", "取消报名截止时间不能晚于活动开始时间");
	}

	@Test
	void anAudienceIsRequiredAndTheDescriptionIsAtMost4000Characters() {
		Draft d = new Draft();
		d.audience = null;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("audience", "请选择活动面向的组织");
		d = new Draft();
		d.description = "介".repeat(4000);
		assertThat(d.check().description()).hasSize(4000);
		d.description = "介".repeat(4001);
		assertThat(d.refusal().getMessage()).isEqualTo("活动介绍不能超过 4000 字");
	}

	@Test
	void genderIsCodeOrChineseLabelOrEmptyForAnyone() {
		Draft d = new Draft();
		d.gender = "女";
		assertThat(d.check().gender()).isEqualTo("FEMALE");
		d.gender = " MALE ";
		assertThat(d.check().gender()).isEqualTo("MALE");
		d.gender = " ";
		assertThat(d.check().gender()).isNull();
		d.gender = "不限";
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("gender", "性别限制无效：不限");
	}

	@Test
	void agesAreZeroTo120AndTheMinimumIsNotAboveTheMaximum() {
		Draft d = new Draft();
		d.minAge = 0;
		d.maxAge = 120;
		assertThat(d.check().maxAge()).isEqualTo(120);
		d.minAge = 35;
		d.maxAge = 35;
		assertThat(d.check().minAge()).isEqualTo(35);
		d.maxAge = 34;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("maxAge", "最大年龄不能小于最小年龄");
		d.minAge = -1;
		d.maxAge = null;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("minAge", "年龄须为 0 至 120 之间的整数");
		d.minAge = null;
		d.maxAge = 121;
		assertThat(d.refusal()).extracting(InvalidValueException::field, Throwable::getMessage)
			.containsExactly("maxAge", "年龄须为 0 至 120 之间的整数");
	}
}
