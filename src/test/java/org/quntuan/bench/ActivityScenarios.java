package org.quntuan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Activities under load (BenchActivities made 10,000 activities with 1,000,000 registrations and the
 * tokens bench-member-1 … 5000 of 第一片组 members):
 * <ul>
 * <li>the member's list of activities open to them at 100 requests/s (target p99 under 50 ms), and its
 * saturation throughput as a ratio to ping in the same run;</li>
 * <li>a flash sign-up: 5,000 distinct members for 500 seats within 60 s (target: exactly 500 confirmed,
 * 0 server errors, p99 under 300 ms).</li>
 * </ul>
 * Latencies at a fixed rate count from the moment a request was due (no coordinated omission).
 */
final class ActivityScenarios {

	private static final int MEMBERS = 5_000;

	private final Load load;

	private final HttpClient http;

	private final String base;

	private final String admin;

	ActivityScenarios(String base, String admin) {
		this.load = new Load(base);
		this.http = load.http;
		this.base = base;
		this.admin = admin;
	}

	private static String member(int i) {
		return "bench-member-" + i;
	}

	void run(int seconds) throws Exception {
		// warm up
		for (int i = 0; i < 200; i++) {
			load.send(load.get("/api/v1/activities", member(1 + i % MEMBERS)));
		}
		Load.Stat list = load.fixedRate("我的可报名活动（成员）@100/s", 100, seconds,
				i -> load.get("/api/v1/activities", member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Load.Stat ping = load.closed("ping 饱和", 8, seconds, () -> load.get("/api/v1/ping", null));
		Load.Stat listMax = load.closed("我的可报名活动 饱和", 8, seconds,
				() -> load.get("/api/v1/activities", member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Load.print(List.of(list, ping, listMax));
		System.out.printf(Locale.ROOT, "saturation ratio, member's activity list / ping: %.3f%n",
				listMax.throughput() / ping.throughput());

		// warm the sign-up path (confirm and wait list) on another activity: a server in service has
		// compiled it long before a flash sale starts
		long warm = flashActivity("基准测试预热活动", 100);
		for (int i = 0; i < 400; i++) {
			load.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/activities/" + warm + "/registrations"))
				.header("Authorization", "Bearer " + member(MEMBERS - i)).POST(HttpRequest.BodyPublishers.noBody())
				.build());
		}
		long id = flashActivity("基准测试秒杀活动", 500);
		// 5,000 sign-ups offered at 250/s: 20 s, within the 60 s of the target
		Load.Stat flash = load.fixedRate("秒杀报名（5000 人抢 500 名额）@250/s", 250, MEMBERS / 250,
				i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/activities/" + id + "/registrations"))
					.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + member(i + 1))
					.POST(HttpRequest.BodyPublishers.noBody()).build());
		Load.print(List.of(flash));
		HttpResponse<String> detail = http.send(load.get("/api/v1/activities/" + id, admin), HttpResponse.BodyHandlers.ofString());
		String confirmed = detail.body().replaceAll(".*\"confirmedCount\":(\\d+).*", "$1");
		String waiting = detail.body().replaceAll(".*\"waitingCount\":(\\d+).*", "$1");
		System.out.printf("flash sign-up: confirmed %s of 500 seats, waiting %s, server errors (5xx or no answer) %d%n",
				confirmed, waiting, flash.errors());
	}

	/** Open to 第一片组 (everyone of the admin's scope), registration open now. */
	private long flashActivity(String title, int seats) throws IOException, InterruptedException {
		OffsetDateTime now = OffsetDateTime.now();
		String body = """
				{"title":"%s","type":"SPORTS_CULTURE","place":"市体育馆","seats":%d,
				 "startAt":"%s","endAt":"%s","signupOpensAt":"%s","signupClosesAt":"%s","audience":{"all":true}}"""
			.formatted(title, seats, now.plusDays(3), now.plusDays(3).plusHours(2), now.minusMinutes(1), now.plusDays(2));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/activities"))
			.header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("flash activity: " + r.statusCode() + " " + r.body());
		}
		return Long.parseLong(r.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
	}
}
