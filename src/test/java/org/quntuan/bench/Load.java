package org.quntuan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The load of the scenario classes: requests at a fixed offered rate (latency counted from the moment
 * a request was due, so a queue cannot hide: no coordinated omission) or from a closed loop of callers
 * (the saturation throughput), against one base address.
 */
final class Load {

	record Stat(String name, double offered, long requests, long errors, double p50, double p99, double max,
			double throughput) {
	}

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final String base;

	/** Which statuses count as answered (else an error, as no answer is). */
	private final IntPredicate answered;

	/** A 5xx or no answer is an error; 2xx and the 4xx of business rules are answers. */
	Load(String base) {
		this(base, status -> status < 500);
	}

	Load(String base, IntPredicate answered) {
		this.base = base;
		this.answered = answered;
	}

	HttpRequest get(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	HttpRequest post(String path, String token, String json) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	HttpResponse<String> fetch(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	boolean send(HttpRequest request) {
		try {
			return answered.test(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	Stat fixedRate(String name, int perSecond, int seconds, IntFunction<HttpRequest> request)
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

	Stat closed(String name, int callers, int seconds, Supplier<HttpRequest> request) throws InterruptedException {
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

	static void print(List<Stat> stats) {
		System.out.println();
		for (Stat r : stats) {
			System.out.printf(Locale.ROOT, "%-36s %8s %8d %7d %8.1f %8.1f %8.1f %10.0f%n", r.name(),
					r.offered() > 0 ? String.format(Locale.ROOT, "%.0f/s", r.offered()) : "closed", r.requests(),
					r.errors(), r.p50(), r.p99(), r.max(), r.throughput());
		}
	}
}
