package org.quntuan.volunteer;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "志愿服务", description = "志愿者注册与审核、志愿者编号与队伍、服务时长申报与核实（只增不改）、星级与排行")
class VolunteerApiController {

	private final VolunteerRegistrations registrations;

	private final HoursLedger ledger;

	private final VolunteerReads reads;

	private final Rankings rankings;

	private final RankingExport export;

	private final VolunteerCertificateDownload certificates;

	private final VolunteerProjects projects;

	VolunteerApiController(VolunteerRegistrations registrations, HoursLedger ledger, VolunteerReads reads, Rankings rankings,
			RankingExport export, VolunteerCertificateDownload certificates, VolunteerProjects projects) {
		this.projects = projects;
		this.certificates = certificates;
		this.registrations = registrations;
		this.ledger = ledger;
		this.reads = reads;
		this.rankings = rankings;
		this.export = export;
	}

	@PostMapping("/volunteers")
	@Operation(summary = "本人注册志愿者（skills 技能、areas 服务领域、availability 可服务时间、consent 同意志愿者守则）："
			+ "201 带 id；已有待审核或已通过的注册时 200 返回该注册；退出或未通过后再次注册保留历史")
	ResponseEntity<Map<String, Object>> register(@RequestBody(required = false) VolunteerViews.RegistrationInput input) {
		VolunteerRegistrations.Registered r = registrations.register(input);
		Map<String, Object> body = Map.of("id", r.id());
		return r.created() ? ResponseEntity.created(URI.create("/api/v1/volunteers/" + r.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@GetMapping("/volunteers")
	@Operation(summary = "管理员管理范围内的志愿者注册（status：PENDING 待审核 / APPROVED / REJECTED / LEFT，省略为全部）")
	PageResult<VolunteerViews.Registration> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.registrations(status, PageRequest.of(page, size));
	}

	@GetMapping("/volunteers/me")
	@Operation(summary = "本人的志愿者注册（含历史）、已核实时长和星级")
	VolunteerViews.Mine mine() {
		return reads.mine();
	}

	@GetMapping("/volunteers/me/hours")
	@Operation(summary = "本人的服务时长：verifiedHours 已核实合计、pendingHours 待核实合计、entries 全部记录（新的在前）")
	VolunteerViews.MyHours myHours() {
		return reads.myHours();
	}

	@GetMapping("/volunteers/ranking")
	@Operation(summary = "年度排行（year 省略为今年；by：person 个人（管理员：管理范围内；职工：本单位）/ team 队伍 / org 单位）")
	PageResult<VolunteerViews.RankRow> ranking(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return rankings.ranking(rankings.year(year), Rankings.by(by), PageRequest.of(page, size));
	}

	@GetMapping("/volunteers/ranking/export")
	@Operation(summary = "年度排行 Excel（参数同排行，全部行）")
	ResponseEntity<byte[]> rankingExport(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String by) {
		return export.download(year, by);
	}

	@GetMapping("/volunteers/{id}")
	@Operation(summary = "一份志愿者注册及其历史（本人和管理本人员的管理员）")
	VolunteerViews.Registration get(@PathVariable long id) {
		return reads.registration(id);
	}

	@GetMapping("/volunteers/{id}/certificate")
	@Operation(summary = "志愿服务证明 PDF（本人和管理本人员的管理员）：编号、部分隐藏的身份证号、志愿者编号、服务期间、已核实时长、服务内容、"
			+ "出具单位和日期，二维码指向公开核验页；尚无已核实时长时 422")
	ResponseEntity<byte[]> certificate(@PathVariable long id) {
		return certificates.download(id);
	}

	@PostMapping("/volunteers/{id}/approval")
	@Operation(summary = "审核注册（本单位工会管理员或上级、工委；不能审核本人的）：approve true 通过并编号、编入本单位志愿服务队；"
			+ "false 不通过，须填 reason")
	VolunteerViews.Registration decide(@PathVariable long id, @RequestBody(required = false) VolunteerViews.Decision body) {
		registrations.decide(id, body);
		return reads.registration(id);
	}

	@PostMapping("/volunteers/{id}/leaving")
	@Operation(summary = "本人退出志愿者队伍（reason 可选）；编号和时长保留，可再次注册")
	VolunteerViews.Registration leave(@PathVariable long id, @RequestBody(required = false) VolunteerViews.Leaving body) {
		registrations.leave(id, body);
		return reads.registration(id);
	}

	@PostMapping("/volunteer-hours")
	@Operation(summary = "申报线下服务时长（已通过的志愿者本人；date 不晚于今天，hours 字符串、半小时为单位，每天合计不超过 24 小时；"
			+ "description 服务内容）：201 带 id，核实后计入")
	ResponseEntity<Map<String, Object>> claim(@RequestBody(required = false) VolunteerViews.ClaimInput input) {
		long id = ledger.claim(input);
		return ResponseEntity.created(URI.create("/api/v1/volunteer-hours/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/volunteer-hours")
	@Operation(summary = "管理员管理范围内的时长申报（pending=false 列出全部，默认只列待核实的）")
	PageResult<VolunteerViews.Claim> claims(@RequestParam(required = false) Boolean pending,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.claims(!Boolean.FALSE.equals(pending), PageRequest.of(page, size));
	}

	@PostMapping("/volunteer-hours/{id}/verification")
	@Operation(summary = "核实一条申报（本单位工会管理员或上级、工委；本人的 403；只能核实一次）：approve true 核实（hours 可改，"
			+ "改动须填 reason，记为调整记录），false 不予认定（须填 reason）")
	Map<String, Object> verify(@PathVariable long id, @RequestBody(required = false) VolunteerViews.Verification body) {
		ledger.verify(id, body);
		return Map.of("id", id);
	}

	@PostMapping("/volunteer-hours/{id}/adjustments")
	@Operation(summary = "更正已核实的申报：新增一条调整记录（hours 带正负号的小时数，reason 必填），原记录不变")
	ResponseEntity<Map<String, Object>> adjust(@PathVariable long id,
			@RequestBody(required = false) VolunteerViews.AdjustmentInput body) {
		long entry = ledger.adjust(id, body);
		return ResponseEntity.created(URI.create("/api/v1/volunteer-hours/" + entry)).body(Map.of("id", entry));
	}

	@GetMapping("/volunteer-projects")
	@Operation(summary = "常设志愿服务项目（合作社区、负责人）和年度主题活动（学雷锋纪念日、国际志愿者日）")
	PageResult<VolunteerViews.Project> projects(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return projects.list(PageRequest.of(page, size));
	}

	@PostMapping("/volunteer-projects")
	@Operation(summary = "工委添加项目（kind：PROJECT 常设项目，须填 partner 合作社区和 leader 负责人；CAMPAIGN 主题活动，须填 month、day）")
	ResponseEntity<Map<String, Object>> addProject(@RequestBody(required = false) VolunteerViews.ProjectInput input) {
		long id = projects.add(input);
		return ResponseEntity.created(URI.create("/api/v1/volunteer-projects/" + id)).body(Map.of("id", id));
	}
}
