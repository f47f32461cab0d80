package org.quntuan.notice.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.files.StoredFile;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.StatusBoard;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "通知公告", description = "发布通知、收文、阅读回执、催阅、撤回")
class NoticeApiController {

	record WithdrawRequest(String reason) {
	}

	record Created(long id) {
	}

	private static final CodeLabel READ = new CodeLabel("READ", "已读");

	private static final CodeLabel UNREAD = new CodeLabel("UNREAD", "未读");

	private final Notices notices;

	NoticeApiController(Notices notices) {
		this.notices = notices;
	}

	@PostMapping
	@Operation(summary = "发布通知（targets 为发送对象；可置顶、设有效期、公开到首页）")
	ResponseEntity<Created> publish(@RequestBody NoticeRequest request) {
		long id = notices.publish(request);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + id)).body(new Created(id));
	}

	@GetMapping
	@Operation(summary = "我的通知：本人或本管理范围发出的，以及发给本管理范围内组织的（未过期）")
	PageResult<NoticeListItem> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return notices.list(PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "阅读通知（接收组织的管理员首次打开即记录阅读回执）")
	NoticeDetail get(@PathVariable long id) {
		return notices.open(id);
	}

	@GetMapping("/{id}/receipts")
	@Operation(summary = "各接收组织的阅读情况（发布方），整张表 {rows, totals}（READ 已读、UNREAD 未读）")
	StatusBoard<NoticeReceipt> receipts(@PathVariable long id) {
		return StatusBoard.of(notices.receipts(id), r -> r.read() ? READ : UNREAD);
	}

	@PostMapping("/{id}/remind")
	@Operation(summary = "提醒未读的接收组织（同一天重复提醒不重复发送）")
	Map<String, Integer> remind(@PathVariable long id) {
		return Map.of("reminded", notices.remindUnread(id));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "撤回通知（须填写原因，接收方看到撤回原因）")
	NoticeDetail withdraw(@PathVariable long id, @RequestBody WithdrawRequest request) {
		notices.withdraw(id, request.reason());
		return notices.open(id);
	}

	@PostMapping("/{id}/attachments")
	@Operation(summary = "添加附件（PDF、Word、Excel、PNG、JPEG）")
	ResponseEntity<NoticeDetail.Attachment> attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file) {
		try {
			boolean none = file == null || file.isEmpty();
			StoredFile stored = notices.attach(id, none ? null : file.getOriginalFilename(),
					none ? null : file.getInputStream(), none ? 0 : file.getSize());
			return ResponseEntity.status(201).body(new NoticeDetail.Attachment(stored.id(), stored.originalName(),
					stored.kind().label(), stored.sizeBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/{id}/attachments/{fileId}")
	@Operation(summary = "下载附件")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(notices.attachment(id, fileId));
	}
}
