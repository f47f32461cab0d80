package org.quntuan.organization;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "班子与换届", description = "领导班子、换届请示")
class LeadershipApiController {

	/** 换届请示. */
	record ReelectionRequestBody(
			@NotNull(message = "{organization.reelection.error.planned-date-required}") LocalDate plannedDate,
			@NotBlank(message = "{organization.validation.reason-required}")
			@Size(max = 1000, message = "{organization.validation.reason-too-long}") String reason,
			@NotEmpty(message = "{organization.reelection.error.candidates-required}")
			@Size(max = 100, message = "{organization.validation.candidates-too-many}") List<Long> candidates,
			Integer seats) {

		ReelectionInput.Request input() {
			return new ReelectionInput.Request(plannedDate, reason, candidates, seats);
		}
	}

	record FiledResponse(long id, long approvalId, CodeLabel status) {

		static FiledResponse of(Reelections.Filed filed) {
			return new FiledResponse(filed.id(), filed.approvalId(), filed.status().toCodeLabel());
		}
	}

	private final LeadershipQueries queries;

	private final Reelections reelections;

	LeadershipApiController(LeadershipQueries queries, Reelections reelections) {
		this.queries = queries;
		this.reelections = reelections;
	}

	@GetMapping("/api/v1/orgs/{id}/leadership")
	@Operation(summary = "领导班子：现任班子及任期、进行中的换届、历届班子")
	LeadershipView leadership(@PathVariable long id) {
		return queries.leadership(id);
	}

	@PostMapping("/api/v1/orgs/{id}/reelections")
	@Operation(summary = "提交换届请示（拟选举日期、事由、候选人；seats 应选名额可省略），报上级审批；返回 approvalId")
	ResponseEntity<FiledResponse> file(@PathVariable long id, @Valid @RequestBody ReelectionRequestBody body) {
		Reelections.Filed filed = reelections.file(id, body.input());
		return ResponseEntity.created(URI.create("/api/v1/reelections/" + filed.id())).body(FiledResponse.of(filed));
	}
}
