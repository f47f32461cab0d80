package org.quntuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quntuan.member.Gender;
import org.quntuan.member.UnionStatus;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.MobileNumber;

class DemoNamesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	private static List<DemoPeople.Person> generate(int n) {
		DemoPeople people = new DemoPeople(new Random(20261127L), TODAY);
		List<DemoPeople.Person> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(people.next());
		}
		return out;
	}

	@Test
	void identityNumbersAreValidUniqueAndAgreeWithBirthAndGender() {
		Set<String> seen = new HashSet<>();
		for (DemoPeople.Person p : generate(8_000)) {
			assertThat(IdNumber.problem(p.idNumber())).as(p.idNumber()).isNull();
			assertThat(p.idNumber()).startsWith("990");
			IdNumber id = new IdNumber(p.idNumber());
			assertThat(id.birthDate()).isEqualTo(p.birthDate());
			assertThat(id.isMale()).isEqualTo(p.gender() == Gender.MALE);
			assertThat(seen.add(p.idNumber())).as("duplicate %s", p.idNumber()).isTrue();
		}
	}

	@Test
	void mobilesAreValidAndUnique() {
		Set<String> seen = new HashSet<>();
		for (DemoPeople.Person p : generate(8_000)) {
			assertThat(new MobileNumber(p.mobile()).value()).isEqualTo(p.mobile());
			assertThat(seen.add(p.mobile())).as("duplicate %s", p.mobile()).isTrue();
		}
	}

	@Test
	void peopleArePlausible() {
		List<DemoPeople.Person> people = generate(8_000);
		long young = 0;
		long men = 0;
		for (DemoPeople.Person p : people) {
			int age = Period.between(p.birthDate(), TODAY).getYears();
			assertThat(age).isBetween(DemoPeople.MIN_AGE, DemoPeople.MAX_AGE);
			young += age <= 28 ? 1 : 0;
			men += p.gender() == Gender.MALE ? 1 : 0;
			assertThat(p.name()).hasSizeBetween(2, 3);
			assertThat(p.nameInitials()).hasSize(p.name().length()).matches("[a-z]+");
			assertThat(p.namePinyin()).matches("[a-z]+");
			assertThat(p.position()).isNotBlank();
			assertThat(p.unionJoinedOn() != null).isEqualTo(p.unionStatus() == UnionStatus.MEMBER);
			if (p.unionJoinedOn() != null) {
				assertThat(p.unionJoinedOn()).isAfterOrEqualTo(p.birthDate().plusYears(22)).isBeforeOrEqualTo(TODAY);
			}
			assertThat(p.hiredOn()).isAfterOrEqualTo(p.birthDate().plusYears(22)).isBeforeOrEqualTo(TODAY);
		}
		assertThat(young).isGreaterThan(500);
		assertThat(men).isBetween(3_600L, 4_400L);
	}

	@Test
	void theSameSeedGivesTheSamePeople() {
		assertThat(generate(200)).isEqualTo(generate(200));
	}

	@Test
	void organNamesGetANumeralPastTheList() {
		assertThat(DemoOrgs.organName(0)).isEqualTo("市财政局");
		assertThat(DemoOrgs.organName(1)).isEqualTo("市教育局");
		assertThat(DemoOrgs.organName(DemoOrgs.ORGANS.size())).isEqualTo("市财政局2");
		assertThat(DemoOrgs.ORGANS).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(80);
		assertThat(DemoData.NAMED_ACCOUNTS).doesNotHaveDuplicates().contains("admin", "orgadmin1", "group8");
	}
}
