package org.quntuan.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MeetingPageController {

	private final Meetings meetings;

	private final MeetingQueries queries;

	private final MemberQueries members;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	private final OrganizationQueries orgs;

	MeetingPageController(Meetings meetings, MeetingQueries queries, MemberQueries members, CurrentUserProvider users,
			Clock clock, AuditLog audit, OrganizationQueries orgs) {
		this.audit = audit;
		this.orgs = orgs;
		this.clock = clock;
		this.meetings = meetings;
		this.queries = queries;
		this.members = members;
		this.users = users;
	}

	@GetMapping("/meetings")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("meetings", queries.list(orgId, false, PageRequest.of(page, 20)));
		model.addAttribute("orgId", orgId);
		model.addAttribute("published", false);
		model.addAttribute("canSchedule", users.current().scope().isAdmin());
		return "governance/meetings";
	}

	/** 会议纪要: the published minutes the caller may read. */
	@GetMapping("/meetings/minutes")
	String minutes(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("meetings", queries.list(null, true, PageRequest.of(page, 20)));
		model.addAttribute("published", true);
		model.addAttribute("canSchedule", false);
		return "governance/meetings";
	}

	@GetMapping("/meetings/new")
	String createForm(Model model) {
		requireAdmin();
		model.addAttribute("orgs", queries.schedulableOrgs());
		model.addAttribute("kinds", MeetingKind.values());
		return "governance/meeting-form";
	}

	/** People to invite, for htmx: those already ticked stay ticked on top, then the matches of the search. */
	@GetMapping("/meetings/picker")
	String picker(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> inviteeIds, Model model) {
		requireAdmin();
		Map<Long, String> chosen = new LinkedHashMap<>();
		for (Long id : inviteeIds == null ? List.<Long>of() : new LinkedHashSet<>(inviteeIds)) {
			members.find(id).ifPresent(p -> chosen.put(p.id(), p.name()));
		}
		List<Object[]> choices = new ArrayList<>();
		if (orgId != null) {
			members.list(q, orgId, PageRequest.of(0, 100)).content().stream()
				.filter(p -> !chosen.containsKey(p.id()))
				.forEach(p -> choices.add(new Object[] { p.id(), p.name(), p.organName() }));
		}
		model.addAttribute("chosen", chosen);
		model.addAttribute("choices", choices);
		return "governance/meeting-form :: invitees";
	}

	@PostMapping("/meetings")
	String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String agenda,
			@RequestParam(required = false) List<Long> inviteeIds, RedirectAttributes flash) {
		OffsetDateTime when = startsAt == null ? null : startsAt.atZone(Zones.BUSINESS).toOffsetDateTime();
		long[] id = new long[1];
		if (PageActions.run(flash, "governance.meeting.flash.scheduled",
				() -> id[0] = meetings.schedule(new MeetingForm(orgId, title, kind, when, place, agenda, inviteeIds)))) {
			return "redirect:/meetings/" + id[0];
		}
		return "redirect:/meetings/new";
	}

	@GetMapping("/meetings/{id}")
	String detail(@PathVariable long id, Model model) {
		MeetingViews.Detail meeting = queries.detail(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("attendances", Attendance.values());
		model.addAttribute("today", LocalDate.now(clock.withZone(Zones.BUSINESS)));
		model.addAttribute("me", users.current().personId());
		model.addAttribute("closer", meeting.manageable());
		return "governance/meeting";
	}

	/** The meeting's invitees and their attendance as the page shows them, as an .xlsx file. */
	@GetMapping("/meetings/{id}/attendance/export")
	ResponseEntity<byte[]> exportAttendance(@PathVariable long id) {
		MeetingViews.Detail meeting = queries.detail(id);
		byte[] file = GovernanceExports.attendance(meeting);
		audit.record(AuditType.PERSONAL_DATA_VIEW, "ATTENDANCE_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("governance.meeting.audit.attendance-exported", meeting.title(), meeting.invitees().size()),
				orgs.find(meeting.orgId()).map(OrgSummary::path).orElse(null));
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(GovernanceExports.attendanceFileName(meeting, today())))
			.body(file);
	}

	@PostMapping("/meetings/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "governance.meeting.flash.cancelled", () -> meetings.cancel(id, version));
		return "redirect:/meetings/" + id;
	}

	/** Form fields {@code a<personId>} = PRESENT / ABSENT / EXCUSED; blank ones are left as they are. */
	@PostMapping("/meetings/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes flash) {
		Map<Long, String> values = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			if (key.matches("a\\d{1,18}") && value != null && !value.isBlank()) {
				values.put(Long.valueOf(key.substring(1)), value);
			}
		});
		Integer version = form.get("version") == null || !form.get("version").matches("-?\\d{1,9}") ? null
				: Integer.valueOf(form.get("version"));
		PageActions.run(flash, "governance.meeting.flash.attendance-recorded", () -> meetings.recordAttendance(id, values, version));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/minutes")
	String minutes(@PathVariable long id, @RequestParam(required = false) String minutes,
			@RequestParam(defaultValue = "false") boolean publish, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, publish ? "governance.meeting.flash.minutes-published" : "governance.meeting.flash.minutes-saved",
				() -> meetings.saveMinutes(id, minutes, publish, version));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/resolutions")
	String addResolution(@PathVariable long id, @RequestParam(required = false) String content,
			@RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			RedirectAttributes flash) {
		PageActions.run(flash, "governance.resolution.flash.added",
				() -> meetings.addResolution(id, new ResolutionForm(content, ownerId, dueDate)));
		return "redirect:/meetings/" + id;
	}

	@PostMapping("/meetings/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		PageActions.run(flash, "governance.meeting.flash.attached", () -> meetings.attach(id, file));
		return "redirect:/meetings/" + id;
	}

	@GetMapping("/meetings/{id}/attachments/{fileId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.attachment(id, fileId));
	}

	@GetMapping("/resolutions")
	String resolutions(@RequestParam(required = false) String status, @RequestParam(required = false) Long orgId,
			Model model) {
		ResolutionStatus s = status == null ? ResolutionStatus.OPEN
				: "ALL".equals(status) ? null : Coded.parse(ResolutionStatus.class, status);
		model.addAttribute("resolutions", queries.resolutions(s, orgId));
		model.addAttribute("status", s == null ? "ALL" : s.name());
		model.addAttribute("orgId", orgId);
		model.addAttribute("me", users.current().personId());
		model.addAttribute("closer", users.current().scope().isAdmin());
		return "governance/resolutions";
	}

	/** The resolutions of the tab (and org) as the page lists them, as an .xlsx file. */
	@GetMapping("/resolutions/export")
	ResponseEntity<byte[]> exportResolutions(@RequestParam(required = false) String status,
			@RequestParam(required = false) Long orgId) {
		ResolutionStatus s = status == null ? ResolutionStatus.OPEN
				: "ALL".equals(status) ? null : Coded.parse(ResolutionStatus.class, status);
		List<MeetingViews.Resolution> items = queries.resolutions(s, orgId);
		String orgName = orgId == null ? null : orgs.find(orgId).map(OrgSummary::name).orElse(null);
		Text tab = s == null ? Text.of("governance.resolution.scope.all") : Text.label(s);
		Text scope = orgName == null ? tab : Text.of("governance.resolution.scope.org", orgName, tab);
		byte[] file = GovernanceExports.resolutions(scope, items);
		audit.record(AuditType.EXPORT, "RESOLUTION_EXPORT", null, AuditLog.SUCCESS,
				Texts.chinese("governance.resolution.audit.exported", scope, items.size()),
				orgId == null ? null : orgs.find(orgId).map(OrgSummary::path).orElse(null));
		return ResponseEntity.ok().headers(ExcelDownload.headers(GovernanceExports.resolutionsFileName(today()))).body(file);
	}

	@PostMapping("/resolutions/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String closingNote,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) Long meetingId,
			RedirectAttributes flash) {
		PageActions.run(flash, "governance.resolution.flash.closed", () -> meetings.closeResolution(id, closingNote, version));
		return meetingId != null ? "redirect:/meetings/" + meetingId : "redirect:/resolutions";
	}

	private void requireAdmin() {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("governance.meeting.error.schedule-forbidden");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
