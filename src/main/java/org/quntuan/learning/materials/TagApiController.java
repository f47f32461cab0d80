package org.quntuan.learning.materials;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/learning/tags")
@Tag(name = "学习资料")
class TagApiController {

	/** {@code name} to rename, {@code active} false to retire and true to restore; either may be left out. */
	record TagChange(String name, Boolean active) {
	}

	record NewTag(String name) {
	}

	private final TopicTags tags;

	TagApiController(TopicTags tags) {
		this.tags = tags;
	}

	@GetMapping
	@Operation(summary = "学习标签（active 为 false 的已停用：不再用于新资料，已有资料保留）")
	PageResult<LearningViews.TopicTag> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(tags.all(), PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "新增学习标签（工委管理员）")
	ResponseEntity<LearningViews.TopicTag> add(@RequestBody NewTag request) {
		long id = tags.add(request.name());
		LearningViews.TopicTag tag = tags.all().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/learning/tags/" + id)).body(tag);
	}

	@PutMapping("/{id}")
	@Operation(summary = "学习标签改名、停用或恢复（工委管理员）；改名后已有资料和题目随之更新")
	LearningViews.TopicTag change(@PathVariable long id, @RequestBody TagChange request) {
		if (request.name() == null && request.active() == null) {
			throw new InvalidValueException("name", "learning.error.tag-change-empty");
		}
		LearningViews.TopicTag tag = null;
		if (request.name() != null) {
			tag = tags.rename(id, request.name());
		}
		if (request.active() != null) {
			tag = tags.setActive(id, request.active());
		}
		return tag;
	}
}
