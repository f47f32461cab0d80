package org.quntuan.matchmaking;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.PageResult;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/matchmaking")
@Tag(name = "智慧红娘", description = "红娘服务规则与授权、资料与审核、推荐、搜索、心动与配对、屏蔽与举报、暂停与删除")
class MatchmakingApiController {

	record Consent(Integer version) {
	}

	record Review(Boolean approve, String reason, Integer version) {
	}

	record Settings(Boolean paused, Boolean recommendations) {
	}

	record InterestRequest(Long to) {
	}

	record Target(Long profileId, String reason) {
	}

	private final Profiles profiles;

	private final Interests interests;

	private final MatchmakingQueries queries;

	private final ProfilePhotos photos;

	MatchmakingApiController(Profiles profiles, Interests interests, MatchmakingQueries queries, ProfilePhotos photos) {
		this.photos = photos;
		this.profiles = profiles;
		this.interests = interests;
		this.queries = queries;
	}

	@GetMapping("/rules")
	@Operation(summary = "红娘服务规则：当前版本与全文，以及本人已同意的版本")
	MatchmakingViews.Rules rules() {
		return queries.rules();
	}

	@PostMapping("/consents")
	@Operation(summary = "同意当前版本的红娘服务规则（version 须为当前版本，否则 409）")
	ResponseEntity<MatchmakingViews.Rules> consent(@RequestBody(required = false) Consent body) {
		profiles.consent(body == null ? null : body.version());
		return ResponseEntity.status(201).body(queries.rules());
	}

	@DeleteMapping("/consents")
	@Operation(summary = "撤回同意：资料立即隐藏")
	ResponseEntity<Void> withdraw() {
		profiles.withdrawConsent();
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/profile")
	@Operation(summary = "我的资料、审核状态和审核记录（谁在何时审核）")
	MatchmakingViews.MyProfile mine() {
		return queries.mine();
	}

	@PutMapping("/profile")
	@Operation(summary = "填写或修改我的资料（性别取自人员信息；unmarriedDeclared 须为 true；已有资料须带 version；"
			+ "审核通过后修改展示内容将重新审核）")
	MatchmakingViews.MyProfile save(@Valid @RequestBody ProfileInput body) {
		profiles.save(body);
		return queries.mine();
	}

	@PutMapping("/profile/settings")
	@Operation(summary = "暂停或恢复展示（paused）、关闭或开启推荐（recommendations）")
	MatchmakingViews.MyProfile settings(@RequestBody(required = false) Settings body) {
		profiles.settings(body == null ? null : body.paused(), body == null ? null : body.recommendations());
		return queries.mine();
	}

	@DeleteMapping("/profile")
	@Operation(summary = "删除我的资料：立即隐藏，7 天内连同心动、偏好一并清除")
	ResponseEntity<Void> delete() {
		profiles.delete();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/profile/photos")
	@Operation(summary = "上传照片（file：JPEG 或 PNG，不超过 5 MB，最多 3 张；审核通过的资料将重新审核）→ 201")
	ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) MultipartFile file) {
		photos.upload(file);
		return ResponseEntity.status(201).body(Map.of("photos", queries.mine().photos()));
	}

	@DeleteMapping("/profile/photos/{id}")
	@Operation(summary = "删除我的一张照片")
	ResponseEntity<Void> removePhoto(@PathVariable long id) {
		photos.remove(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/photos/{id}")
	@Operation(summary = "照片：本人、审核人（记入访问日志）和配对对象可看原图（full=true），可见该资料的会员只能看缩略图")
	ResponseEntity<Resource> photo(@PathVariable long id, @RequestParam(defaultValue = "false") boolean full) {
		return FileResponses.attachment(photos.serve(id, full));
	}

	@GetMapping("/reviews")
	@Operation(summary = "审核队列（本单位工会、妇委会的组织管理员与工委管理员；pending=false 含已审核）")
	PageResult<MatchmakingViews.ReviewItem> queue(@RequestParam(defaultValue = "true") boolean pending,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.queue(pending, PageRequest.of(page, size));
	}

	@GetMapping("/reviews/{id}")
	@Operation(summary = "审核人查看一份资料（记入个人信息访问日志）")
	MatchmakingViews.ReviewItem reviewItem(@PathVariable long id) {
		return queries.reviewItem(id);
	}

	@PostMapping("/profiles/{id}/review")
	@Operation(summary = "审核资料：approve=true 通过，false 退回（须填 reason）")
	ResponseEntity<Void> review(@PathVariable long id, @RequestBody(required = false) Review body) {
		profiles.review(id, body == null ? null : body.approve(), body == null ? null : body.reason(),
				body == null ? null : body.version());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/profiles")
	@Operation(summary = "搜索已通过审核的资料（本人资料须已通过审核，否则为空）；不含姓名、单位、手机号")
	PageResult<MatchmakingViews.Card> search(@RequestParam(required = false) Integer ageFrom,
			@RequestParam(required = false) Integer ageTo, @RequestParam(required = false) Integer heightFrom,
			@RequestParam(required = false) Integer heightTo, @RequestParam(required = false) String education,
			@RequestParam(required = false) String hometown, @RequestParam(required = false) String hobby,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.search(new SearchFilter(ageFrom, ageTo, heightFrom, heightTo, education, hometown, hobby),
				PageRequest.of(page, size));
	}

	@GetMapping("/profiles/{id}")
	@Operation(summary = "一份已通过审核的资料（不含姓名、单位、手机号）")
	MatchmakingViews.Card card(@PathVariable long id) {
		return queries.card(id);
	}

	@GetMapping("/recommendations")
	@Operation(summary = "为我推荐（双向匹配度前 N 名，附推荐理由；关闭推荐后为空）")
	PageResult<MatchmakingViews.Card> recommendations() {
		return queries.recommendations();
	}

	@PostMapping("/interests")
	@Operation(summary = "心动（to：对方资料 id）→ 201；对方已先心动则立即配对（status ACCEPTED，matchId）")
	ResponseEntity<Map<String, Object>> express(@RequestBody(required = false) InterestRequest body) {
		Interests.Expressed e = interests.express(body == null ? null : body.to());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", e.id());
		answer.put("status", e.status().toCodeLabel());
		answer.put("matchId", e.matchId());
		return ResponseEntity.created(URI.create("/api/v1/matchmaking/interests/" + e.id())).body(answer);
	}

	@PostMapping("/interests/{id}/accept")
	@Operation(summary = "接受收到的心动：配对成功，双方可见对方姓名、单位和手机号")
	Map<String, Object> accept(@PathVariable long id) {
		return Map.of("matchId", interests.accept(id));
	}

	@PostMapping("/interests/{id}/decline")
	@Operation(summary = "婉拒收到的心动")
	ResponseEntity<Void> decline(@PathVariable long id) {
		interests.decline(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/interests")
	@Operation(summary = "我收到和发出的心动（direction：RECEIVED / SENT）")
	PageResult<MatchmakingViews.Interest> interests(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.interests(PageRequest.of(page, size));
	}

	@GetMapping("/matches")
	@Operation(summary = "配对成功的对象，含对方姓名 name、单位 organName、手机号 mobile")
	PageResult<MatchmakingViews.Match> matches(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.matches(PageRequest.of(page, size));
	}

	@PostMapping("/blocks")
	@Operation(summary = "屏蔽（profileId）：双方互不可见，未回应的心动作废")
	ResponseEntity<Void> block(@RequestBody(required = false) Target body) {
		interests.block(body == null ? null : body.profileId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/reports")
	@Operation(summary = "举报（profileId、reason），交工委审核人处理")
	ResponseEntity<Map<String, Object>> report(@RequestBody(required = false) Target body) {
		long id = interests.report(body == null ? null : body.profileId(), body == null ? null : body.reason());
		return ResponseEntity.status(201).body(Map.of("id", id));
	}

	@GetMapping("/reports")
	@Operation(summary = "举报列表（工委审核人）")
	PageResult<MatchmakingViews.Report> reports(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.reports(PageRequest.of(page, size));
	}
}
