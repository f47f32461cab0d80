package org.quntuan.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.Coded;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.MobileNumber;
import org.quntuan.platform.Pinyin;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;

/**
 * The rules every person's values obey, whether typed into the form, sent to the API or read from a
 * row of an Excel import. Every field is checked, so that an import can show all the problems of a
 * row at once, and the form and the API report them all, each at its field. Uniqueness against the people already
 * registered and the caller's scope are checked by the callers, who know how to do it in bulk.
 */
final class PersonRules {

	static final String ID_NUMBER_TAKEN = "member.id-number-taken";

	static final String MOBILE_TAKEN = "member.mobile-taken";

	/** A field (as the form and the API name it) and what is wrong with it. */
	record Problem(String field, Text text) {

		Problem(String field, String code) {
			this(field, Text.of(code));
		}

		/** In Chinese, for tests. */
		String message() {
			return Texts.chinese(text);
		}
	}

	/** The values when every rule holds, otherwise the problems in the order of the form. */
	record Checked(PersonValues values, List<Problem> problems) {

		boolean ok() {
			return problems.isEmpty();
		}

		/** For single registrations and edits: every problem as a 400, each with its field. */
		PersonValues orThrow() {
			if (!ok()) {
				throw new InvalidValueException(
						problems.stream().map(p -> new InvalidValueException.Problem(p.field(), p.text())).toList());
			}
			return values;
		}
	}

	private PersonRules() {
	}

	/**
	 * @param organId the organ the person belongs to: chosen on registration, the current one on an
	 * edit (changed only by a transfer); null when none was chosen
	 */
	static Checked check(PersonForm f, Long organId, LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		Text problem = f.name() == null ? null : TextInput.nameProblemText(f.name());
		String name = problem == null ? TextInput.name("name", f.name()) : null;
		if (problem != null) {
			problems.add(new Problem("name", Text.of("member.rule.name-problem", problem)));
		}
		else if (name == null) {
			problems.add(new Problem("name", "member.rule.name-missing"));
		}
		else if (name.length() > 50) {
			problems.add(new Problem("name", "member.rule.name-too-long"));
		}
		IdNumber idNumber = attempt(problems, "idNumber", () -> IdNumber.parse(f.idNumber()));
		Gender gender = attempt(problems, "gender", () -> Coded.parse(Gender.class, f.gender()));
		Gender fromId = idNumber == null ? null : idNumber.isMale() ? Gender.MALE : Gender.FEMALE;
		if (gender != null && fromId != null && gender != fromId) {
			problems.add(new Problem("gender", "member.rule.gender-mismatch"));
		}
		LocalDate birth = f.birthDate();
		if (birth != null && idNumber != null && !birth.equals(idNumber.birthDate())) {
			problems.add(new Problem("birthDate", "member.rule.birth-mismatch"));
		}
		MobileNumber mobile = attempt(problems, "mobile", () -> MobileNumber.parse(f.mobile()));
		if (organId == null) {
			problems.add(new Problem("organId", "member.rule.organ-missing"));
		}
		String position = TextInput.normalize(f.position());
		if (position != null && position.length() > 100) {
			problems.add(new Problem("position", "member.rule.position-too-long"));
		}
		PoliticalStatus political = required(problems, PoliticalStatus.class, f.politicalStatus(), "politicalStatus",
				"member.rule.political-missing");
		UnionStatus union = required(problems, UnionStatus.class, f.unionStatus(), "unionStatus", "member.rule.union-missing");
		EmploymentStatus employment = required(problems, EmploymentStatus.class, f.employmentStatus(),
				"employmentStatus", "member.rule.employment-missing");
		LocalDate joined = f.unionJoinedOn();
		if (joined != null && joined.isAfter(today)) {
			problems.add(new Problem("unionJoinedOn", "member.rule.joined-future"));
		}
		else if (joined != null && idNumber != null && joined.isBefore(idNumber.birthDate())) {
			problems.add(new Problem("unionJoinedOn", "member.rule.joined-before-birth"));
		}
		if (!problems.isEmpty()) {
			return new Checked(null, List.copyOf(problems));
		}
		return new Checked(new PersonValues(name, Pinyin.full(name, true), Pinyin.initials(name, true), fromId,
				idNumber.birthDate(), idNumber.value(), mobile.value(), organId, position, political, union, joined,
				employment), List.of());
	}

	private interface Parse<T> {
		T get();
	}

	private static <T> T attempt(List<Problem> problems, String field, Parse<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			problems.add(new Problem(field, ex.text()));
			return null;
		}
	}

	private static <E extends Enum<E> & Coded> E required(List<Problem> problems, Class<E> type, String value,
			String field, String message) {
		try {
			E e = Coded.parse(type, value);
			if (e == null) {
				problems.add(new Problem(field, message));
			}
			return e;
		}
		catch (InvalidValueException ex) {
			problems.add(new Problem(field, ex.field() == null ? Text.of("member.value-with-reason", Text.of(message), ex.text()) : ex.text()));
			return null;
		}
	}
}
