package org.quntuan.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.activity.clubs.ClubQueries;
import org.quntuan.activity.series.SeriesQuarter;
import org.quntuan.activity.series.SeriesQueries;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.Targets;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organizer's pages: publish, the activities I organize, registrants, check-in code, attendance. */
@Controller
class ActivityOrganizerPageController {

	private final ActivityQueries queries;

	private final ActivityManagement management;

	private final Registrations registrations;

	private final RegistrantExport export;

	private final CheckInCodes codes;

	private final ActivityAccess access;

	private final OrganizationQueries orgs;

	private final SeriesQueries series;

	private final ClubQueries clubs;

	private final Clock clock;

	ActivityOrganizerPageController(ActivityQueries queries, ActivityManagement management,
			Registrations registrations, RegistrantExport export, CheckInCodes codes, ActivityAccess access,
			OrganizationQueries orgs, SeriesQueries series, ClubQueries clubs, Clock clock) {
		this.series = series;
		this.clubs = clubs;
		this.clock = clock;
		this.queries = queries;
		this.management = management;
		this.registrations = registrations;
		this.export = export;
		this.codes = codes;
		this.access = access;
		this.orgs = orgs;
	}

	@GetMapping("/activities/manage")
	String managed(Model model) {
		model.addAttribute("activities", queries.managed());
		return "activity/manage";
	}

	@GetMapping("/activities/new")
	String createForm(Model model) {
		requireAdmin();
		return form(model, new PageForm());
	}

	private String form(Model model, PageForm form) {
		model.addAttribute("form", form);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("organizers", access.user().scope().adminGrants().stream().map(ScopeGrant::orgId)
			.distinct().map(id -> orgs.find(id).orElseThrow()).toList());
		model.addAttribute("audienceOrgs", orgs.organsForPeopleAdministration());
		int year = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		List<SeriesQuarter> quarters = new ArrayList<>(series.year(year));
		quarters.addAll(series.year(year + 1));
		model.addAttribute("seriesQuarters", quarters);
		model.addAttribute("clubs", clubs.usable());
		return "activity/form";
	}

	private void requireAdmin() {
		if (!access.user().scope().isAdmin()) {
			throw new ForbiddenException("activity.error.admin-only");
		}
	}

	/** The page form: local times in the business zone, audience as "all" or chosen organs. */
	static class PageForm {

		private String title;

		private String type = ActivityType.SPORTS_CULTURE.name();

		private Long organizerOrgId;

		private String place;

		private Integer seats;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime startAt;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime endAt;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime signupOpensAt;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime signupClosesAt;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime cancelDeadline;

		private String audience = "all";

		private List<Long> audienceOrgIds;

		private String description;

		private boolean needsApproval;

		private String gender;

		private Integer minAge;

		private Integer maxAge;

		private Long seriesId;

		private Long clubId;

		public String getTitle() { return title; }
		public void setTitle(String v) { title = v; }
		public String getType() { return type; }
		public void setType(String v) { type = v; }
		public Long getOrganizerOrgId() { return organizerOrgId; }
		public void setOrganizerOrgId(Long v) { organizerOrgId = v; }
		public String getPlace() { return place; }
		public void setPlace(String v) { place = v; }
		public Integer getSeats() { return seats; }
		public void setSeats(Integer v) { seats = v; }
		public LocalDateTime getStartAt() { return startAt; }
		public void setStartAt(LocalDateTime v) { startAt = v; }
		public LocalDateTime getEndAt() { return endAt; }
		public void setEndAt(LocalDateTime v) { endAt = v; }
		public LocalDateTime getSignupOpensAt() { return signupOpensAt; }
		public void setSignupOpensAt(LocalDateTime v) { signupOpensAt = v; }
		public LocalDateTime getSignupClosesAt() { return signupClosesAt; }
		public void setSignupClosesAt(LocalDateTime v) { signupClosesAt = v; }
		public LocalDateTime getCancelDeadline() { return cancelDeadline; }
		public void setCancelDeadline(LocalDateTime v) { cancelDeadline = v; }
		public String getAudience() { return audience; }
		public void setAudience(String v) { audience = v; }
		public List<Long> getAudienceOrgIds() { return audienceOrgIds; }
		public void setAudienceOrgIds(List<Long> v) { audienceOrgIds = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }
		public boolean isNeedsApproval() { return needsApproval; }
		public void setNeedsApproval(boolean v) { needsApproval = v; }
		public String getGender() { return gender; }
		public void setGender(String v) { gender = v; }
		public Integer getMinAge() { return minAge; }
		public void setMinAge(Integer v) { minAge = v; }
		public Integer getMaxAge() { return maxAge; }
		public void setMaxAge(Integer v) { maxAge = v; }
		public Long getSeriesId() { return seriesId; }
		public void setSeriesId(Long v) { seriesId = v; }
		public Long getClubId() { return clubId; }
		public void setClubId(Long v) { clubId = v; }

		ActivityForm toForm() {
			Targets targets = "orgs".equals(audience)
					? (audienceOrgIds == null || audienceOrgIds.isEmpty() ? Targets.orgs(List.of(-1L))
							: Targets.orgs(audienceOrgIds))
					: Targets.everyone();
			if ("orgs".equals(audience) && (audienceOrgIds == null || audienceOrgIds.isEmpty())) {
				throw new InvalidValueException("audience", "activity.form.error.audience-organs-required");
			}
			return new ActivityForm(title, type, organizerOrgId, place, seats, at(startAt), at(endAt),
					at(signupOpensAt), at(signupClosesAt), at(cancelDeadline), targets, description, needsApproval,
					gender, minAge, maxAge, seriesId, clubId, null);
		}

		private static OffsetDateTime at(LocalDateTime t) {
			return t == null ? null : t.atZone(Zones.BUSINESS).toOffsetDateTime();
		}
	}

	@PostMapping("/activities")
	String create(PageForm form, Model model, RedirectAttributes flash) {
		requireAdmin();
		try {
			long id = management.create(form.toForm());
			flash.addFlashAttribute("success", Texts.localized("activity.flash.published", form.title));
			return "redirect:/activities/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			return form(model, form);
		}
	}

	/** The cover image, PNG or JPEG, replacing any earlier one. */
	@PostMapping("/activities/{id}/cover")
	String cover(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		access.managed(id);
		PageActions.run(flash, "activity.flash.cover-updated", () -> management.replaceCover(id, file));
		return "redirect:/activities/manage";
	}

	@PostMapping("/activities/{id}/seats")
	String seats(@PathVariable long id, @RequestParam(required = false) Integer seats,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "activity.flash.seats-changed", () -> management.changeSeats(id, seats, version));
		return "redirect:/activities/" + id + "/registrants";
	}

	@PostMapping("/activities/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "activity.flash.cancelled", () -> management.cancel(id));
		return "redirect:/activities/" + id;
	}

	@GetMapping("/activities/{id}/registrants")
	String registrants(@PathVariable long id, Model model) {
		model.addAttribute("list", queries.registrants(id));
		model.addAttribute("a", queries.detail(id));
		return "activity/registrants";
	}

	@GetMapping("/activities/{id}/registrants/export")
	ResponseEntity<byte[]> exportRegistrants(@PathVariable long id) {
		RegistrantExport.File file = export.export(id);
		return ResponseEntity.ok().headers(ExcelDownload.headers(file.name())).body(file.bytes());
	}

	@PostMapping("/activities/{id}/registrants")
	String add(@PathVariable long id, @RequestParam(required = false) Long personId, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.added", () -> registrations.add(id, personId));
		return "redirect:/activities/" + id + "/registrants";
	}

	@PostMapping("/activities/{id}/registrants/{registrationId}/approve")
	String approve(@PathVariable long id, @PathVariable long registrationId, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.approved", () -> registrations.approve(id, registrationId));
		return "redirect:/activities/" + id + "/registrants";
	}

	@PostMapping("/activities/{id}/registrants/{registrationId}/reject")
	String reject(@PathVariable long id, @PathVariable long registrationId, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.rejected", () -> registrations.reject(id, registrationId));
		return "redirect:/activities/" + id + "/registrants";
	}

	@PostMapping("/activities/{id}/registrants/{registrationId}/remove")
	String remove(@PathVariable long id, @PathVariable long registrationId, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.removed", () -> registrations.remove(id, registrationId));
		return "redirect:/activities/" + id + "/registrants";
	}

	/** The code to show at the door, refreshed by the page before the token expires; and who is in. */
	@GetMapping("/activities/{id}/check-in-code")
	String checkInCode(@PathVariable long id, Model model) {
		model.addAttribute("code", codes.issue(id, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
		model.addAttribute("a", queries.detail(id));
		model.addAttribute("list", queries.registrants(id));
		return "activity/check-in-code";
	}
}
