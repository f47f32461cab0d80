package org.quntuan.activity.clubs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ClubPageController {

	private final ClubQueries queries;

	private final ClubManagement management;

	private final ClubAccess access;

	private final AuditLog audit;

	private final Clock clock;

	ClubPageController(ClubQueries queries, ClubManagement management, ClubAccess access,
			AuditLog audit, Clock clock) {
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.queries = queries;
		this.management = management;
	}

	@GetMapping("/clubs")
	String list(Model model) {
		model.addAttribute("clubs", queries.list(false));
		model.addAttribute("mine", false);
		model.addAttribute("sponsors", queries.sponsors());
		return "activity/clubs";
	}

	@GetMapping("/clubs/mine")
	String mine(Model model) {
		model.addAttribute("clubs", queries.list(true));
		model.addAttribute("mine", true);
		model.addAttribute("sponsors", List.of());
		return "activity/clubs";
	}

	@GetMapping("/clubs/requests")
	String requests(Model model) {
		model.addAttribute("requests", queries.requests());
		return "activity/club-requests";
	}

	@GetMapping("/clubs/{id}")
	String detail(@PathVariable long id, Model model) {
		ClubViews.Detail detail = queries.detail(id);
		model.addAttribute("detail", detail);
		model.addAttribute("mergeCandidates", detail.canMerge()
				? queries.list(false).stream().filter(c -> c.id() != id).toList() : List.of());
		return "activity/club";
	}

	/** The club's members as its page lists them (mobiles masked), for its members and managers, as an .xlsx file. */
	@GetMapping("/clubs/{id}/members/export")
	ResponseEntity<byte[]> exportMembers(@PathVariable long id) {
		ClubAccess.ClubRef club = access.visible(id);
		List<ClubViews.Member> members = queries.membersToExport(id, "APPROVED");
		byte[] file = ClubMembersExport.write(club.name(), members);
		audit.record(AuditType.PERSONAL_DATA_VIEW, "CLUB_MEMBERS_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("activity.club.audit.members-exported", club.name(), members.size()), club.sponsorPath());
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(ClubMembersExport.fileName(club.name(), LocalDate.now(clock.withZone(Zones.BUSINESS)))))
			.body(file);
	}

	/** The leader is picked from the people list (name, organ, masked mobile), not typed as a login name. */
	@PostMapping("/clubs")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) Long sponsorOrgId,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, Text.of("activity.club.created", name),
				() -> created[0] = management.create(new ClubForm(name, description, personId, sponsorOrgId)));
		return ok ? "redirect:/clubs/" + created[0] : "redirect:/clubs";
	}

	@PostMapping("/clubs/{id}/join")
	String join(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "activity.club.joinRequested", () -> {
			ClubManagement.JoinResult result = management.join(id);
			if (!result.created()) {
				throw new BusinessRuleException(result.status() == ClubMemberStatus.PENDING
						? "activity.club.alreadyRequested" : "activity.club.alreadyMember");
			}
		});
		return "redirect:/clubs/" + id;
	}

	@PostMapping("/clubs/{id}/leave")
	String leave(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "activity.club.left", () -> management.leave(id));
		return "redirect:/clubs/" + id;
	}

	@PostMapping("/clubs/{id}/members/{personId}/approve")
	String approve(@PathVariable long id, @PathVariable long personId,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		PageActions.run(flash, "activity.club.approved", () -> management.decide(id, personId, true));
		return "requests".equals(back) ? "redirect:/clubs/requests" : "redirect:/clubs/" + id;
	}

	@PostMapping("/clubs/{id}/members/{personId}/reject")
	String reject(@PathVariable long id, @PathVariable long personId,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		PageActions.run(flash, "activity.club.rejected", () -> management.decide(id, personId, false));
		return "requests".equals(back) ? "redirect:/clubs/requests" : "redirect:/clubs/" + id;
	}

	@PostMapping("/clubs/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) Long absorbedClubId, RedirectAttributes flash) {
		PageActions.run(flash, "activity.club.mergedDone", () -> {
			if (absorbedClubId == null) {
				throw new InvalidValueException("absorbedClubId", "activity.club.merge.missing");
			}
			management.merge(id, absorbedClubId);
		});
		return "redirect:/clubs/" + id;
	}
}
