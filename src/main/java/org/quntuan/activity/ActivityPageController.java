package org.quntuan.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The member's pages: activities open to me, my activities, an activity, check-in, feedback, photos. */
@Controller
class ActivityPageController {

	static final String PHOTO = "ACTIVITY_PHOTO";

	private final ActivityQueries queries;

	private final Registrations registrations;

	private final FileStorage files;

	private final ActivityAccess access;

	private final Clock clock;

	ActivityPageController(ActivityQueries queries, Registrations registrations, FileStorage files,
			ActivityAccess access, Clock clock) {
		this.queries = queries;
		this.registrations = registrations;
		this.files = files;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/activities")
	String open(@RequestParam(required = false) Integer page, Model model) {
		ActivityQueries.CardPage result = queries.openToMe(page == null ? 0 : Math.max(page, 0),
				ActivityQueries.PAGE_SIZE);
		model.addAttribute("activities", result.cards());
		model.addAttribute("cardPage", result);
		model.addAttribute("tab", "open");
		model.addAttribute("organizer", access.user().scope().isAdmin());
		return "activity/list";
	}

	@GetMapping("/activities/mine")
	String mine(Model model) {
		model.addAttribute("activities", queries.mine());
		model.addAttribute("tab", "mine");
		model.addAttribute("organizer", access.user().scope().isAdmin());
		return "activity/list";
	}

	@GetMapping("/activities/{id}")
	String detail(@PathVariable long id, Model model) {
		ActivityViews.Detail a = queries.detail(id);
		OffsetDateTime now = OffsetDateTime.now(clock);
		model.addAttribute("a", a);
		model.addAttribute("signupOpen", !now.isBefore(a.signupOpensAt()) && now.isBefore(a.signupClosesAt()));
		model.addAttribute("signupNotYet", now.isBefore(a.signupOpensAt()));
		model.addAttribute("cancellable", !now.isAfter(a.cancelDeadline() != null ? a.cancelDeadline() : a.startAt()));
		model.addAttribute("started", !now.isBefore(a.startAt()));
		model.addAttribute("photos", files.ofOwner(PHOTO, id));
		return "activity/detail";
	}

	@PostMapping("/activities/{id}/register")
	String register(@PathVariable long id, RedirectAttributes flash) {
		try {
			Registrations.Outcome o = registrations.register(id);
			flash.addFlashAttribute("success", switch (o.status()) {
				case CONFIRMED -> Texts.localized(o.created() ? "activity.registration.flash.confirmed"
						: "activity.registration.flash.already-confirmed");
				case PENDING -> Texts.localized("activity.registration.flash.pending");
				case WAITLISTED -> Texts.localized("activity.registration.flash.waitlisted", o.waitlistPosition());
				default -> Texts.localized("activity.registration.flash.registered");
			});
		}
		catch (BusinessRuleException | InvalidValueException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		return "redirect:/activities/" + id;
	}

	@PostMapping("/activities/{id}/cancel-registration")
	String cancelRegistration(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.cancelled", () -> registrations.cancelMine(id));
		return "redirect:/activities/" + id;
	}

	@GetMapping("/activities/{id}/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable long id) {
		ActivityViews.Detail a = queries.detail(id);
		String host = ServletUriComponentsBuilder.fromCurrentContextPath().build().getHost();
		byte[] body = ActivityCalendar.ics(a, host == null ? "quntuan" : host, OffsetDateTime.now(clock))
			.getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("activity-" + id + ".ics").build().toString())
			.body(body);
	}

	/** Where the QR code leads: the member confirms the check-in with a button (a GET changes nothing). */
	@GetMapping("/activities/{id}/check-in")
	String checkInPage(@PathVariable long id, @RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("a", queries.detail(id));
		model.addAttribute("token", token);
		return "activity/check-in";
	}

	@PostMapping("/activities/{id}/check-in")
	String checkIn(@PathVariable long id, @RequestParam(name = "t", required = false) String token,
			RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.checked-in", () -> registrations.checkIn(id, token));
		return "redirect:/activities/" + id;
	}

	@PostMapping("/activities/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.feedback", () -> registrations.feedback(id, stars, comment));
		return "redirect:/activities/" + id;
	}

	/** Photos after the event, by the organizer: PNG or JPEG. */
	@PostMapping("/activities/{id}/photos")
	@Transactional
	String uploadPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes flash) {
		ActivityRow a = access.managed(id);
		PageActions.run(flash, "activity.flash.photo-uploaded", () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidValueException("file", "activity.error.photo-required");
			}
			if (OffsetDateTime.now(clock).isBefore(a.startAt())) {
				throw new BusinessRuleException("activity.error.photo-before-start");
			}
			try {
				files.store(PHOTO, id, file.getOriginalFilename(), file.getInputStream(), file.getSize(),
						EnumSet.of(FileKind.PNG, FileKind.JPEG));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return "redirect:/activities/" + id;
	}

	/** The cover image, for whoever may see the activity; 404 without one. */
	@GetMapping("/activities/{id}/cover")
	ResponseEntity<Resource> cover(@PathVariable long id) {
		ActivityRow a = access.visible(id);
		if (a.coverFileId() == null) {
			throw new NotFoundException();
		}
		StoredFile file = files.find(a.coverFileId())
			.filter(f -> ActivityManagement.COVER.equals(f.ownerType()) && f.ownerId() == id)
			.orElseThrow(NotFoundException::new);
		return FileResponses.attachment(files.open(file.id()));
	}

	/** A photo of an activity, for whoever may see the activity. */
	@GetMapping("/activities/{id}/photos/{fileId}")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long fileId) {
		queries.detail(id);
		StoredFile file = files.find(fileId).filter(f -> PHOTO.equals(f.ownerType()) && f.ownerId() == id)
			.orElseThrow(NotFoundException::new);
		return FileResponses.attachment(files.open(file.id()));
	}
}
