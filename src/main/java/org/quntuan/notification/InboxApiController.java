package org.quntuan.notification;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "消息通知", description = "当前用户的站内消息")
class InboxApiController {

	/** The list shape of the API plus the number of unread notifications. */
	record InboxPage(List<InboxItem> content, int page, int size, long totalElements, int totalPages, long unread) {
	}

	record MarkedAll(int marked, long unread) {
	}

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "我的站内消息（最新在前；unread=true 只列未读）")
	InboxPage list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageResult<InboxItem> result = inbox.list(unread, PageRequest.of(page, size));
		return new InboxPage(result.content(), result.page(), result.size(), result.totalElements(),
				result.totalPages(), inbox.unread());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "将一条消息标为已读（他人的消息返回 404）")
	InboxItem read(@PathVariable long id) {
		return inbox.markRead(id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "将我的全部消息标为已读")
	MarkedAll readAll() {
		int marked = inbox.markAllRead();
		return new MarkedAll(marked, inbox.unread());
	}
}
