package org.quntuan.governance.votes;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/votes")
@Tag(name = "投票", description = "投票：有权投票的人员、投票时间、记名或无记名、每人一票、截止后公布结果")
class VoteApiController {

	record Ballot(@Size(max = 50) List<Long> choices) {
	}

	private final Votes votes;

	private final VoteQueries queries;

	VoteApiController(Votes votes, VoteQueries queries) {
		this.votes = votes;
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "我可以投票或我管理的投票，截止时间新的在前")
	PageResult<VoteViews.Summary> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "发起投票（工委管理员或组织管理员，在本人管理范围内；orgId 的下属人员或 personIds 所列人员有权投票；"
			+ "options 2 至 50 项；secret 为 true 时无记名；maxChoices 每票最多可选项数，默认 1）")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody VoteRequest request) {
		long id = votes.create(request);
		return ResponseEntity.created(URI.create("/api/v1/votes/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "投票详情、选项和我的投票状态")
	VoteViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/{id}/ballots")
	@Operation(summary = "投票（有权投票的本人，投票时间内，每人一次；choices 为所选选项 id）→ 201；无记名投票不保存投票人与选择的对应关系")
	ResponseEntity<Map<String, Object>> cast(@PathVariable long id, @Valid @RequestBody Ballot body) {
		votes.cast(id, body.choices());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("voteId", id, "voted", true));
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "投票结果（截止后）：各选项票数；记名投票另列每人的选择")
	VoteViews.Results results(@PathVariable long id) {
		return queries.results(id);
	}

	@GetMapping("/{id}/voters")
	@Operation(summary = "已投票人员（发起组织的管理员；只列谁投了票，不列如何投票），按姓名排序")
	PageResult<VoteViews.Voter> voters(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.voters(id, PageRequest.of(page, size));
	}
}
