package org.quntuan.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.files.FileResponses;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "班子与换届", description = "换届工作台、换届请示、选举结果报告")
class ReelectionApiController {

	record ResubmitBody(
			@NotNull(message = "{organization.reelection.error.planned-date-required}") LocalDate plannedDate,
			@NotBlank(message = "{organization.validation.reason-required}")
			@Size(max = 1000, message = "{organization.validation.reason-too-long}") String reason,
			@NotEmpty(message = "{organization.reelection.error.candidates-required}")
			@Size(max = 100, message = "{organization.validation.candidates-too-many}") List<Long> candidates,
			Integer seats,
			@Size(max = 500, message = "{organization.validation.comment-too-long}") String comment) {
	}

	record VotesBody(
			@NotNull(message = "{organization.validation.candidate-required}") Long personId,
			@NotNull(message = "{organization.validation.votes-required}") Integer votes) {
	}

	record ElectedBody(
			@NotNull(message = "{organization.validation.elected-person-required}") Long personId,
			@NotBlank(message = "{organization.position.error.required}") String position) {
	}

	/** 选举结果报告. */
	record ResultBody(@NotNull(message = "{organization.reelection.error.held-on-required}") LocalDate heldOn,
			@NotEmpty(message = "{organization.validation.votes-list-required}")
			@Size(max = 100, message = "{organization.validation.candidates-too-many}") List<@Valid VotesBody> votes,
			@NotEmpty(message = "{organization.reelection.error.elected-required}")
			@Size(max = 100, message = "{organization.validation.elected-too-many}") List<@Valid ElectedBody> elected) {
	}

	record WithdrawBody(
			@NotBlank(message = "{organization.validation.withdraw-reason-required}")
			@Size(max = 500, message = "{organization.validation.withdraw-reason-too-long}") String reason) {
	}

	record StatusResponse(long id, CodeLabel status) {
	}

	record AttachmentResponse(long id, String name, CodeLabel kind, long size) {
	}

	private final LeadershipQueries queries;

	private final Reelections reelections;

	private final ReelectionBoard board;

	ReelectionApiController(LeadershipQueries queries, Reelections reelections, ReelectionBoard board) {
		this.queries = queries;
		this.reelections = reelections;
		this.board = board;
	}

	@GetMapping("/api/v1/reelections/board")
	@Operation(summary = "换届工作台：管理范围内每个工会、团组织、妇委会的任期届满日期和换届状态，超期的在前；"
			+ "整张表一次给出 {rows, totals}")
	ReelectionBoardAnswer board(@RequestParam(required = false) String type,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String state,
			@RequestParam(required = false) String q) {
		return ReelectionBoardAnswer.of(board.rows(new ReelectionBoard.Filter(type, groupId, state, q)));
	}

	@GetMapping("/api/v1/reelections/{id}")
	@Operation(summary = "换届详情：请示、候选人、附件、选举结果、审批编号")
	ReelectionView get(@PathVariable long id) {
		return queries.reelection(id);
	}

	@PostMapping("/api/v1/reelections/{id}/resubmit")
	@Operation(summary = "修改被退回的换届请示并重新提交")
	LeadershipApiController.FiledResponse resubmit(@PathVariable long id, @Valid @RequestBody ResubmitBody body) {
		return LeadershipApiController.FiledResponse.of(reelections.resubmit(id,
				new ReelectionInput.Request(body.plannedDate(), body.reason(), body.candidates(), body.seats()),
				body.comment()));
	}

	@PostMapping("/api/v1/reelections/{id}/result")
	@Operation(summary = "报送选举结果（选举日期、各候选人得票、当选人员及职务），换届请示批准后方可报送")
	ResponseEntity<LeadershipApiController.FiledResponse> result(@PathVariable long id,
			@Valid @RequestBody ResultBody body) {
		Reelections.Filed filed = reelections.reportResult(id, new ReelectionInput.Result(body.heldOn(),
				body.votes().stream().map(v -> new ReelectionInput.Votes(v.personId(), v.votes())).toList(),
				body.elected().stream().map(e -> new ReelectionInput.Elected(e.personId(), e.position())).toList()));
		return ResponseEntity.created(URI.create("/api/v1/reelections/" + id))
			.body(LeadershipApiController.FiledResponse.of(filed));
	}

	@PostMapping("/api/v1/reelections/{id}/withdraw")
	@Operation(summary = "撤回待审批的换届请示或选举结果报告")
	StatusResponse withdraw(@PathVariable long id, @Valid @RequestBody WithdrawBody body) {
		return new StatusResponse(id, reelections.withdraw(id, body.reason()).toCodeLabel());
	}

	@PostMapping("/api/v1/reelections/{id}/attachments")
	@Operation(summary = "上传换届附件（PDF、Word）")
	ResponseEntity<AttachmentResponse> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		try {
			boolean none = file == null || file.isEmpty();
			var stored = reelections.attach(id, none ? null : file.getOriginalFilename(),
					none ? null : file.getInputStream(), none ? 0 : file.getSize());
			return ResponseEntity.created(URI.create("/api/v1/reelections/" + id + "/attachments/" + stored.id()))
				.body(new AttachmentResponse(stored.id(), stored.originalName(), stored.kind().toCodeLabel(),
						stored.sizeBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/v1/reelections/{id}/attachments/{fileId}")
	@Operation(summary = "下载换届附件")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.attachment(id, fileId));
	}
}
