package org.quntuan.learning.materials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.quntuan.learning.CompetitionFigures;
import org.quntuan.learning.trainings.TrainingQueries;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.organization.Targets;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Zones;
import org.quntuan.platform.web.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** 我的学习, the material page with its 学完 button, and the admins' forms and progress boards. */
@Controller
class LearningPageController {

	/** What the target part of the assignment form posts ({@code targetMode} = ALL | TYPE | ORGS). */
	record TargetForm(String targetMode, String orgType, List<Long> groupIds, List<Long> orgIds) {

		Targets toTargets() {
			String mode = targetMode == null ? "" : targetMode;
			return switch (mode) {
				case "ALL" -> Targets.everyone();
				case "TYPE" -> {
					OrgType type = Coded.parse(OrgType.class, orgType);
					if (type == null) {
						throw new InvalidValueException("targets", "learning.error.org-type-required");
					}
					yield Targets.ofType(type);
				}
				case "ORGS" -> Targets.orgs(orgIds == null ? List.of() : orgIds.stream().filter(Objects::nonNull).toList());
				default -> throw new InvalidValueException("targets", "learning.error.targets-required");
			};
		}
	}

	/** The choices of the target part: the mass orgs in reach and their types (no groups on this form). */
	record TargetOptions(List<OrgSummary> groups, List<OrgSummary> orgs, List<OrgType> types) {
	}

	private final Materials materials;

	private final Assignments assignments;

	private final LearningQueries queries;

	private final ProgressExport export;

	private final TargetOrgs targetOrgs;

	private final CurrentUserProvider users;

	private final MessageSource messages;

	private final Clock clock;

	private final TrainingQueries trainings;

	private final CompetitionFigures competitions;

	LearningPageController(Materials materials, Assignments assignments, LearningQueries queries, ProgressExport export,
			TargetOrgs targetOrgs, CurrentUserProvider users, MessageSource messages, Clock clock,
			TrainingQueries trainings, CompetitionFigures competitions) {
		this.trainings = trainings;
		this.competitions = competitions;
		this.materials = materials;
		this.assignments = assignments;
		this.queries = queries;
		this.export = export;
		this.targetOrgs = targetOrgs;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	@GetMapping("/learning")
	String mine(Model model) {
		model.addAttribute("study", queries.mine());
		model.addAttribute("admin", users.current().scope().isAdmin());
		model.addAttribute("assignments", queries.assignments());
		Long person = users.current().personId();
		model.addAttribute("competitions", person == null ? List.of()
				: competitions.person(person, LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear()));
		model.addAttribute("trainings", trainings.mine());
		model.addAttribute("certificates", trainings.myCertificates());
		return "learning/mine";
	}

	/** The 待学习 card of the home page (loaded by htmx). */
	@GetMapping("/learning/home-card")
	String homeCard(Model model) {
		model.addAttribute("todoCount", queries.todoCount());
		return "learning/home-card :: card";
	}

	@GetMapping("/learning/materials")
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("materials", queries.list(PageRequest.of(page, 50)));
		model.addAttribute("admin", users.current().scope().isAdmin());
		return "learning/materials";
	}

	/** Reading a material records its first opening, as its API does. */
	@GetMapping("/learning/materials/{id}")
	String material(@PathVariable long id, Model model) {
		if (users.current().personId() != null) {
			materials.open(id);
		}
		model.addAttribute("m", queries.material(id));
		return "learning/material";
	}

	@GetMapping("/learning/materials/{id}/file")
	ResponseEntity<Resource> file(@PathVariable long id) {
		return MaterialFiles.inline(queries.download(id));
	}

	@PostMapping("/learning/materials/{id}/completion")
	String complete(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, text("learning.completed"), () -> {
			Materials.Completion c = materials.complete(id);
			if (!c.earned()) {
				throw new InvalidValueException("learning.completedBefore");
			}
		});
		return "redirect:/learning/materials/" + id;
	}

	@GetMapping("/learning/materials/new")
	String newMaterial(Model model) {
		Materials.owner(users.current());
		model.addAttribute("tags", queries.tags());
		model.addAttribute("kinds", MaterialKind.values());
		return "learning/material-form";
	}

	@PostMapping("/learning/materials")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String body, @RequestParam(required = false) String url,
			@RequestParam(required = false) Integer durationSeconds, @RequestParam(required = false) List<String> tags,
			@RequestParam(required = false) Integer points, @RequestParam(required = false) Boolean isPublic,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, text("learning.material.created", title), () -> {
			created[0] = materials.create(new MaterialRequest(title, kind, body, url, durationSeconds, tags, points,
					isPublic));
			if (file != null && !file.isEmpty()) {
				try {
					materials.attachFile(created[0], file.getOriginalFilename(), file.getInputStream(), file.getSize());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
		return ok ? "redirect:/learning/materials/" + created[0] : "redirect:/learning/materials/new";
	}

	@GetMapping("/learning/materials/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("m", queries.editing(id));
		model.addAttribute("tags", queries.tagsFor(id));
		return "learning/material-edit";
	}

	@PostMapping("/learning/materials/{id}/edit")
	String update(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) List<String> tags,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		boolean ok = PageActions.run(flash, text("learning.material.updated"),
				() -> materials.update(id, new MaterialUpdate(title, body, tags, version)));
		return ok ? "redirect:/learning/materials/" + id : "redirect:/learning/materials/" + id + "/edit";
	}

	@PostMapping("/learning/materials/{id}/withdrawal")
	String withdraw(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, text("learning.material.withdrawn"), () -> materials.withdraw(id, version));
		return "redirect:/learning/materials/" + id;
	}

	@PostMapping("/learning/materials/{id}/file")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		PageActions.run(flash, text("learning.file.uploaded"), () -> {
			try {
				boolean none = file == null || file.isEmpty();
				materials.attachFile(id, none ? null : file.getOriginalFilename(), none ? null : file.getInputStream(),
						none ? 0 : file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return "redirect:/learning/materials/" + id;
	}

	@GetMapping("/learning/assignments/new")
	String newAssignment(@RequestParam(required = false) Long materialId, Model model) {
		Materials.owner(users.current());
		model.addAttribute("materials", queries.list(PageRequest.of(0, PageRequest.MAX_SIZE)).content().stream()
			.filter(m -> !m.withdrawn()).toList());
		model.addAttribute("chosen", materialId);
		model.addAttribute("form", new TargetForm("ALL", null, null, null));
		model.addAttribute("options", new TargetOptions(List.of(), targetOrgs.recipients(Targets.everyone()),
				List.of(OrgType.UNION, OrgType.LEAGUE, OrgType.WOMEN)));
		model.addAttribute("defaultDue", LocalDate.now(clock.withZone(Zones.BUSINESS)).plusDays(14));
		return "learning/assignment-form";
	}

	@PostMapping("/learning/assignments")
	String assign(@RequestParam(required = false) String title, @RequestParam(required = false) List<Long> materialIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, TargetForm targets, RedirectAttributes flash) {
		Materials.owner(users.current());
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, text("learning.assignment.created"), () -> created[0] = assignments.create(
				new AssignmentRequest(title, materialIds, targets.toTargets(), dueDate)));
		return ok ? "redirect:/learning/assignments/" + created[0] : "redirect:/learning/assignments/new";
	}

	@GetMapping("/learning/assignments/{id}")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("progress", queries.progress(id));
		return "learning/progress";
	}

	@GetMapping("/learning/assignments/{id}/export")
	ResponseEntity<byte[]> exportProgress(@PathVariable long id) {
		return export.download(id);
	}
}
