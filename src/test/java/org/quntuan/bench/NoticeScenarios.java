package org.quntuan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The notice figures of the benchmark (issue 6): a notice to every union of the large data set (400
 * organs), timed from POST to 201 — the targets and the inbox rows of their admins are written in
 * that request — and a collection task for the same unions, whose status table LoadDriver then loads
 * at a fixed rate.
 */
final class NoticeScenarios {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String adminToken;

	NoticeScenarios(String base, String adminToken) {
		this.base = base;
		this.adminToken = adminToken;
	}

	/** Publishes the notice, prints its time, and returns the id of a new collection task for all unions. */
	long run() throws IOException, InterruptedException {
		String stamp = String.valueOf(System.currentTimeMillis());
		long t0 = System.nanoTime();
		HttpResponse<String> notice = post("/api/v1/notices", "{\"title\":\"压测通知" + stamp
				+ "\",\"body\":\"请各单位工会认真阅读。\",\"targets\":{\"orgType\":\"UNION\"}}");
		long ms = (System.nanoTime() - t0) / 1_000_000;
		String id = idOf(notice);
		HttpResponse<String> receipts = http.send(request("/api/v1/notices/" + id + "/receipts").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		int targets = receipts.body().split("\"orgId\"", -1).length - 1;
		System.out.printf("%n通知发往全部工会：%d 个接收组织，发布（含收件箱写入）%d ms（%d）%n", targets, ms, notice.statusCode());

		HttpResponse<String> task = post("/api/v1/collections", "{\"title\":\"压测报送" + stamp
				+ "\",\"instructions\":\"请报送工作总结。\",\"deadline\":\"" + OffsetDateTime.now().plusDays(7)
				+ "\",\"targets\":{\"orgType\":\"UNION\"}}");
		if (task.statusCode() != 201) {
			throw new IllegalStateException("collection task: " + task.statusCode() + " " + task.body());
		}
		return Long.parseLong(idOf(task));
	}

	private static String idOf(HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response.body().replaceAll(".*\"id\":(\\d+).*", "$1");
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
			.header("Authorization", "Bearer " + adminToken);
	}
}
