package org.quntuan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

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

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String admin;

	ActivityScenarios(String base, String admin) {
		this.base = base;
		this.admin = admin;
	}

	private static String member(int i) {
		return "bench-member-" + i;
	}

	void run(int seconds) throws Exception {
		// warm up
		for (int i = 0; i < 200; i++) {
			send(get("/api/v1/activities", member(1 + i % MEMBERS)));
		}
		Stat list = fixedRate("我的可报名活动（成员）@100/s", 100, seconds,
				i -> get("/api/v1/activities", member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Stat ping = closed("ping 饱和", 8, seconds, () -> get("/api/v1/ping", null));
		Stat listMax = closed("我的可报名活动 饱和", 8, seconds,
				() -> get("/api/v1/activities", member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		print(List.of(list, ping, listMax));
		System.out.printf(Locale.ROOT, "saturation ratio, member's activity list / ping: %.3f%n",
				listMax.throughput / ping.throughput);

		// warm the sign-up path (confirm and wait list) on another activity: a server in service has
		// compiled it long before a flash sale starts
		long warm = flashActivity("基准测试预热活动", 100);
		for (int i = 0; i < 400; i++) {
			send(HttpRequest.newBuilder(URI.create(base + "/api/v1/activities/" + warm + "/registrations"))
				.header("Authorization", "Bearer " + member(MEMBERS - i)).POST(HttpRequest.BodyPublishers.noBody())
				.build());
		}
		long id = flashActivity("基准测试秒杀活动", 500);
		// 5,000 sign-ups offered at 250/s: 20 s, within the 60 s of the target
		Stat flash = fixedRate("秒杀报名（5000 人抢 500 名额）@250/s", 250, MEMBERS / 250,
				i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/activities/" + id + "/registrations"))
					.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + member(i + 1))
					.POST(HttpRequest.BodyPublishers.noBody()).build());
		print(List.of(flash));
		HttpResponse<String> detail = http.send(get("/api/v1/activities/" + id, admin), HttpResponse.BodyHandlers.ofString());
		String confirmed = detail.body().replaceAll(".*\"confirmedCount\":(\\d+).*", "$1");
		String waiting = detail.body().replaceAll(".*\"waitingCount\":(\\d+).*", "$1");
		System.out.printf("flash sign-up: confirmed %s of 500 seats, waiting %s, server errors (5xx or no answer) %d%n",
				confirmed, waiting, flash.errors);
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

	record Stat(String name, double offered, long requests, long errors, double p50, double p99, double max,
			double throughput) {
	}

	private HttpRequest get(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	/** A server error is a 5xx or no answer; 2xx and the 4xx of business rules are answers. */
	private boolean send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private Stat fixedRate(String name, int perSecond, int seconds, IntFunction<HttpRequest> request)
			throws InterruptedException {
		int total = perSecond * seconds;
		long[] latencies = new long[total];
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(128);
		long start = System.nanoTime();
		long interval = 1_000_000_000L / perSecond;
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int index = i;
			pool.execute(() -> {
				boolean ok = send(request.apply(index));
				latencies[index] = System.nanoTime() - due;
				if (!ok) {
					errors.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(120, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		return stat(name, perSecond, latencies, errors.get(), total / elapsed);
	}

	private Stat closed(String name, int callers, int seconds, Supplier<HttpRequest> request)
			throws InterruptedException {
		List<List<Long>> samples = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		for (int c = 0; c < callers; c++) {
			List<Long> mine = new ArrayList<>();
			samples.add(mine);
			pool.execute(() -> {
				while (System.nanoTime() < end) {
					long t = System.nanoTime();
					if (!send(request.get())) {
						errors.incrementAndGet();
					}
					mine.add(System.nanoTime() - t);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = samples.stream().flatMap(List::stream).mapToLong(Long::longValue).toArray();
		return stat(name, 0, all, errors.get(), all.length / elapsed);
	}

	private static Stat stat(String name, double offered, long[] nanos, long errors, double throughput) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Stat(name, offered, sorted.length, errors, pct(sorted, 0.50), pct(sorted, 0.99),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, throughput);
	}

	private static double pct(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static void print(List<Stat> stats) {
		System.out.println();
		for (Stat r : stats) {
			System.out.printf(Locale.ROOT, "%-36s %8s %8d %7d %8.1f %8.1f %8.1f %10.0f%n", r.name(),
					r.offered() > 0 ? String.format(Locale.ROOT, "%.0f/s", r.offered()) : "closed", r.requests(),
					r.errors(), r.p50(), r.p99(), r.max(), r.throughput());
		}
	}
}
