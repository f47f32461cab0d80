package org.quntuan.learning.trainings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.Targets;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Zones;
import org.quntuan.platform.web.PageActions;
import org.quntuan.platform.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The training pages: the list, a new class, a class (sessions, nominations, the roster with attendance,
 * confirming and finishing), the session's check-in code and check-in, the certificate, and the public
 * verification page the certificate's QR code leads to.
 */
@Controller
class TrainingPageController {

	private final Trainings trainings;

	private final TrainingQueries queries;

	private final RosterExport export;

	private final OrganizationQueries orgs;

	private final MessageSource messages;

	private final CertificateDownload certificates;

	TrainingPageController(Trainings trainings, TrainingQueries queries, RosterExport export, OrganizationQueries orgs,
			MessageSource messages, CertificateDownload certificates) {
		this.certificates = certificates;
		this.trainings = trainings;
		this.queries = queries;
		this.export = export;
		this.orgs = orgs;
		this.messages = messages;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	@GetMapping("/learning/trainings")
	String list(Model model) {
		model.addAttribute("trainings", queries.list());
		model.addAttribute("admin", queries.isAdmin());
		return "training/list";
	}

	@GetMapping("/learning/trainings/new")
	String form(Model model) {
		queries.requireAdmin();
		model.addAttribute("organs", orgs.administeredOrgans());
		model.addAttribute("rules", AudienceRule.values());
		model.addAttribute("units", QuotaUnit.values());
		return "training/form";
	}

	@PostMapping("/learning/trainings")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) String place, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) String audienceRule,
			@RequestParam(required = false) List<Long> orgIds, @RequestParam(required = false) String quotaUnit,
			@RequestParam(required = false) Integer quotaPerUnit, @RequestParam(required = false) Integer attendancePercent,
			@RequestParam(required = false) Long examQuizId, @RequestParam(required = false) Integer examPassScore,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, text("training.created", title), () -> created[0] = trainings.create(
				new TrainingRequest(title, description, place, date("startsOn", startsOn), date("endsOn", endsOn),
						audienceRule, orgIds == null || orgIds.isEmpty() ? Targets.everyone() : Targets.orgs(orgIds),
						quotaUnit, quotaPerUnit, attendancePercent, examQuizId, examPassScore, List.of())));
		return ok ? "redirect:/learning/trainings/" + created[0] : "redirect:/learning/trainings/new";
	}

	@GetMapping("/learning/trainings/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("t", queries.detail(id));
		model.addAttribute("forms", SessionForm.values());
		return "training/detail";
	}

	@PostMapping("/learning/trainings/{id}/sessions")
	String addSession(@PathVariable long id, @RequestParam(required = false) String startsAt,
			@RequestParam(required = false) String endsAt, @RequestParam(required = false) String place,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String teacher,
			@RequestParam(required = false) String form, RedirectAttributes flash) {
		PageActions.run(flash, text("training.session.added", topic), () -> trainings.addSession(id,
				new TrainingRequest.Session(time("startsAt", startsAt), time("endsAt", endsAt), place, topic, teacher, form)));
		return "redirect:/learning/trainings/" + id;
	}

	@PostMapping("/learning/trainings/{id}/nominations")
	String nominate(@PathVariable long id, @RequestParam(required = false) Long personId, RedirectAttributes flash) {
		PageActions.run(flash, text("training.nominated"), () -> trainings.nominate(id, personId));
		return "redirect:/learning/trainings/" + id;
	}

	@PostMapping("/learning/trainings/{id}/nominations/{traineeId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long traineeId, RedirectAttributes flash) {
		PageActions.run(flash, text("training.withdrawn"), () -> trainings.withdraw(id, traineeId));
		return "redirect:/learning/trainings/" + id;
	}

	@PostMapping("/learning/trainings/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes flash) {
		int[] n = new int[1];
		boolean ok = PageActions.run(flash, (String) null, () -> n[0] = trainings.confirm(id));
		if (ok) {
			flash.addFlashAttribute("success", text("training.confirmed", n[0]));
		}
		return "redirect:/learning/trainings/" + id;
	}

	@PostMapping("/learning/trainings/{id}/attendance")
	String correct(@PathVariable long id, @RequestParam(required = false) Long sessionId,
			@RequestParam(required = false) Long traineeId, @RequestParam(defaultValue = "true") boolean present,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, text("training.attendance.corrected"), () -> trainings.correctAttendance(id,
				sessionId == null ? 0 : sessionId, traineeId == null ? 0 : traineeId, present, reason));
		return "redirect:/learning/trainings/" + id;
	}

	@PostMapping("/learning/trainings/{id}/finish")
	String finish(@PathVariable long id, RedirectAttributes flash) {
		Trainings.Finish[] f = new Trainings.Finish[1];
		boolean ok = PageActions.run(flash, (String) null, () -> f[0] = trainings.finish(id));
		if (ok) {
			flash.addFlashAttribute("success", text("training.finished", f[0].trainees(), f[0].completed()));
		}
		return "redirect:/learning/trainings/" + id;
	}

	@GetMapping("/learning/trainings/{id}/schedule.ics")
	ResponseEntity<byte[]> schedule(@PathVariable long id) {
		return ics(id, queries);
	}

	static ResponseEntity<byte[]> ics(long id, TrainingQueries queries) {
		String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
		byte[] body = queries.schedule(id, host == null ? "quntuan" : host).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("training-" + id + ".ics").build().toString())
			.body(body);
	}

	@GetMapping("/learning/trainings/{id}/roster.xlsx")
	ResponseEntity<byte[]> roster(@PathVariable long id) {
		return export.download(id);
	}

	/** The code to show in the classroom, refreshed by the page before the token expires; and who is in. */
	@GetMapping("/learning/trainings/sessions/{id}/check-in-code")
	String checkInCode(@PathVariable("id") long sessionId, Model model) {
		TrainingQueries.CheckInCode code = queries.checkInCode(sessionId, trainings.tokenLifetime());
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/learning/trainings/sessions/{id}/check-in")
			.queryParam("t", code.token()).buildAndExpand(sessionId).toUriString();
		model.addAttribute("code", code);
		model.addAttribute("png", "data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(QrCodes.png(url, 320)));
		return "training/check-in-code";
	}

	/** Where the QR code leads: the trainee confirms with a button (a GET changes nothing). */
	@GetMapping("/learning/trainings/sessions/{id}/check-in")
	String checkInPage(@PathVariable("id") long sessionId, @RequestParam(name = "t", required = false) String token,
			Model model) {
		model.addAttribute("page", queries.checkInPage(sessionId));
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("token", token);
		return "training/check-in";
	}

	@PostMapping("/learning/trainings/sessions/{id}/check-in")
	String checkIn(@PathVariable("id") long sessionId, @RequestParam(name = "t", required = false) String token,
			RedirectAttributes flash) {
		PageActions.run(flash, text("training.checkin.done"), () -> trainings.checkIn(sessionId, token));
		return "redirect:/learning/trainings/sessions/" + sessionId + "/check-in";
	}

	@GetMapping("/learning/certificates/{code}.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable String code) {
		return certificates.download(code);
	}

	/** Public: the page a certificate's QR code opens. */
	@GetMapping("/verify/certificates/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("c", queries.verify(code));
		return "training/verify";
	}

	private LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "training.form.badDate");
		}
	}

	/** A datetime-local field, read in Beijing time. */
	private OffsetDateTime time(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(Zones.BUSINESS).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "training.form.badTime");
		}
	}
}
