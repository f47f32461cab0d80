package org.quntuan.care.visits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 患病住院登记: org admins file that one of their people is in hospital (admitted on, the hospital, a short
 * diagnosis note, the discharge date once known), correct it while it is open and close it when the case
 * ends. Only the admins of the person (their organ's, their 片组's, the federation's) see a report: to
 * anyone else it does not exist (404). Every change is audited. Open reports are the 患病住院 people a
 * visit plan can take from the registers.
 */
@Service
@Transactional
public class SickReports {

	static final String REPORT = "CARE_SICK_REPORT";

	private final SickReportRepository reports;

	private final VisitRepository plans;

	private final VisitAccess access;

	private final AuditLog audit;

	private final Clock clock;

	SickReports(SickReportRepository reports, VisitRepository plans, VisitAccess access, AuditLog audit, Clock clock) {
		this.reports = reports;
		this.plans = plans;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** The reports of the people the caller administers (none for those who administer nobody). */
	@Transactional(readOnly = true)
	public PageResult<SickReportViews.Report> list(Boolean open, PageRequest page) {
		if (!access.current().scope().isAdmin()) {
			return PageResult.of(List.of(), page, 0);
		}
		return reports.reports(access.administeredPeople(), open, page);
	}

	@Transactional(readOnly = true)
	public SickReportViews.Report get(long id) {
		return visible(id).view();
	}

	/** The report if its person is one the caller administers; 404 otherwise. */
	private SickReportRepository.ReportRow visible(long id) {
		SickReportRepository.ReportRow row = reports.report(id).orElseThrow(NotFoundException::new);
		if (!access.current().scope().isAdmin() || !plans.personMatches(row.view().personId(), access.administeredPeople())) {
			throw new NotFoundException();
		}
		return row;
	}

	/** Files a report for one of the people the caller administers. */
	public long file(SickReportViews.ReportInput input) {
		CurrentUser user = access.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("visits.error.admin-only");
		}
		if (input == null) {
			throw new InvalidValueException("personId", "visits.error.person-required");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		if (input.personId() == null) {
			problems.add(new InvalidValueException.Problem("personId", "visits.error.person-required"));
		}
		Checked c = checked(input, problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		VisitRepository.PersonRow person = plans.person(input.personId())
			.orElseThrow(() -> new InvalidValueException("personId", "visits.error.person-unknown"));
		if (!plans.personMatches(person.id(), access.administeredPeople())) {
			throw new ForbiddenException("visits.error.not-your-person", person.name());
		}
		long id = reports.insert(person.id(), person.organId(), input.admittedOn(), input.dischargedOn(), c.hospital(),
				c.diagnosis(), user.accountId(), user.displayName(), now());
		audit.record(AuditType.CREATE, REPORT, id, AuditLog.SUCCESS, Texts.chinese("visits.audit.sick-filed",
				person.name(), person.organName(), c.hospital(), input.admittedOn().toString()), person.organPath());
		return id;
	}

	/** Corrects an open report (dates, hospital, note); its person stays. */
	public void update(long id, SickReportViews.ReportInput input) {
		SickReportRepository.ReportRow row = visible(id);
		SickReportViews.Report r = row.view();
		if (!r.open()) {
			throw new BusinessRuleException("visits.error.sick-closed", r.name());
		}
		if (input == null) {
			throw new InvalidValueException("admittedOn", "visits.error.sick-admitted-required");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		Checked c = checked(input, problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (input.version() != null && input.version() != r.version()) {
			throw new ConflictException("visits.error.sick-stale");
		}
		if (!reports.update(id, r.version(), input.admittedOn(), input.dischargedOn(), c.hospital(), c.diagnosis())) {
			throw new ConflictException("visits.error.sick-stale");
		}
		audit.record(AuditType.UPDATE, REPORT, id, AuditLog.SUCCESS, Texts.chinese("visits.audit.sick-updated",
				r.name(), c.hospital(), input.admittedOn().toString(),
				input.dischargedOn() == null ? "-" : input.dischargedOn().toString()), row.organPath());
	}

	/** Closes an open report (the case is over): it no longer counts as someone to visit. */
	public void close(long id) {
		SickReportRepository.ReportRow row = visible(id);
		SickReportViews.Report r = row.view();
		if (!reports.close(id, access.current().displayName(), now())) {
			throw new ConflictException("visits.error.sick-closed", r.name());
		}
		audit.record(AuditType.UPDATE, REPORT, id, AuditLog.SUCCESS, Texts.chinese("visits.audit.sick-closed",
				r.name(), r.hospital(), r.admittedOn().toString()), row.organPath());
	}

	private record Checked(String hospital, String diagnosis) {
	}

	/** Checks the dates, hospital and note, noting every problem. */
	private Checked checked(SickReportViews.ReportInput input, List<InvalidValueException.Problem> problems) {
		LocalDate admitted = input.admittedOn();
		if (admitted == null) {
			problems.add(new InvalidValueException.Problem("admittedOn", "visits.error.sick-admitted-required"));
		}
		else if (admitted.isAfter(today())) {
			problems.add(new InvalidValueException.Problem("admittedOn", "visits.error.sick-admitted-future"));
		}
		else if (admitted.getYear() < 2000) {
			problems.add(new InvalidValueException.Problem("admittedOn", "visits.error.sick-admitted-range"));
		}
		LocalDate discharged = input.dischargedOn();
		if (discharged != null && admitted != null && discharged.isBefore(admitted)) {
			problems.add(new InvalidValueException.Problem("dischargedOn", "visits.error.sick-discharged-before"));
		}
		else if (discharged != null && discharged.isAfter(today())) {
			problems.add(new InvalidValueException.Problem("dischargedOn", "visits.error.sick-discharged-future"));
		}
		String hospital = null;
		String diagnosis = null;
		try {
			hospital = TextInput.name("hospital", input.hospital());
			if (hospital == null || hospital.length() > 200) {
				problems.add(new InvalidValueException.Problem("hospital", "visits.error.sick-hospital"));
			}
		}
		catch (InvalidValueException ex) {
			problems.addAll(ex.problems());
		}
		try {
			diagnosis = TextInput.name("diagnosis", input.diagnosis());
			if (diagnosis != null && diagnosis.length() > 200) {
				problems.add(new InvalidValueException.Problem("diagnosis", "visits.error.sick-diagnosis-too-long"));
			}
		}
		catch (InvalidValueException ex) {
			problems.addAll(ex.problems());
		}
		return new Checked(hospital, diagnosis);
	}
}
