package org.quntuan.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load run against a platform started on the benchmark data set (see bench/run.sh). Bounded in
 * requests and time, loopback only. For each scenario it prints offered rate, p50/p99, errors, and
 * the saturation throughput as a ratio to the trivial endpoint measured in the same run.
 * <p>
 * Latency at a fixed offered rate is measured from the moment a request was due, not from when it
 * was sent, so that a stalled server cannot hide its queue (coordinated omission).
 */
public final class LoadDriver {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	/** Every list of these scenarios answers 200: anything else counts as an error. */
	private final Load load;

	/** Organ names for the import file, read from the database by bench/run.sh; no Excel run without. */
	private List<String> organs;

	private LoadDriver(String base) {
		this.base = base;
		this.load = new Load(base, status -> status == 200);
	}

	public static void main(String[] args) throws Exception {
		String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("load runs target this machine only");
		}
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		LoadDriver driver = new LoadDriver(base);
		if (args.length > 2) {
			driver.organs = Files.readAllLines(Path.of(args[2]));
		}
		driver.run(seconds);
	}

	private void run(int seconds) throws Exception {
		// BENCH_ONLY=activities: the member's activity list and the flash sign-up alone (to profile them)
		if ("activities".equals(System.getenv("BENCH_ONLY"))) {
			new ActivityScenarios(base, token("admin")).run(seconds);
			return;
		}
		// BENCH_ONLY=learning: the study list, the competition's leaderboards and the start of an attempt
		if ("learning".equals(System.getenv("BENCH_ONLY"))) {
			new LearningScenarios(base, token("admin")).run(seconds);
			return;
		}
		// BENCH_ONLY=care: the medical mutual-aid progress board and bulk enrolments of 2,000 people
		if ("care".equals(System.getenv("BENCH_ONLY"))) {
			new CareScenarios(base, token("admin")).run(seconds);
			return;
		}
		String group = token("group1");
		String admin = token("admin");
		String[] queries = { "wang", "zw", "li", "zhang", "王", "陈", "1234", "5678", "", "", "" };
		Supplier<HttpRequest> ping = () -> get("/api/v1/ping", null);
		Supplier<HttpRequest> scopedSearch = () -> get("/api/v1/members?size=20&q="
				+ URLEncoder.encode(queries[ThreadLocalRandom.current().nextInt(queries.length)], StandardCharsets.UTF_8)
				+ "&page=" + ThreadLocalRandom.current().nextInt(3), group);
		Supplier<HttpRequest> wholeSearch = () -> get("/api/v1/members?size=20&q="
				+ URLEncoder.encode(queries[ThreadLocalRandom.current().nextInt(queries.length)], StandardCharsets.UTF_8), admin);

		// warm up the JIT and the connection pools
		closed("warm-up", ping, 4, 10);
		closed("warm-up", scopedSearch, 4, 10);
		closed("warm-up", wholeSearch, 4, 5);

		List<Load.Stat> results = new ArrayList<>();
		results.add(fixedRate("ping @100/s", ping, 100, seconds));
		results.add(fixedRate("成员列表（片组管理员，检索）@100/s", scopedSearch, 100, seconds));
		results.add(fixedRate("成员列表（工委管理员，全市检索）@100/s", wholeSearch, 100, seconds));
		Load.Stat pingMax = closed("ping 饱和", ping, 8, seconds);
		Load.Stat listMax = closed("成员列表 饱和", scopedSearch, 8, seconds);
		Load.Stat wholeMax = closed("成员列表（工委管理员）饱和", wholeSearch, 8, seconds);
		results.add(pingMax);
		results.add(listMax);
		results.add(wholeMax);

		System.out.println();
		System.out.printf("%-36s %8s %8s %7s %8s %8s %8s %10s%n", "scenario", "offered", "requests", "errors", "p50 ms",
				"p99 ms", "max ms", "req/s");
		for (Load.Stat r : results) {
			System.out.printf(Locale.ROOT, "%-36s %8s %8d %7d %8.1f %8.1f %8.1f %10.0f%n", r.name(),
					r.offered() > 0 ? String.format(Locale.ROOT, "%.0f/s", r.offered()) : "closed", r.requests(), r.errors(),
					r.p50(), r.p99(), r.max(), r.throughput());
		}
		System.out.printf(Locale.ROOT, "%nsaturation ratio, scoped member search / ping: %.3f%n",
				listMax.throughput() / pingMax.throughput());
		System.out.printf(Locale.ROOT, "saturation ratio, city-wide member search (federation admin) / ping: %.3f%n",
				wholeMax.throughput() / pingMax.throughput());
		approvals(group, ping, seconds);
		// notices and material collection: a notice to all 400 unions, the status table of a task for them
		long collection = new NoticeScenarios(base, admin).run();
		Supplier<HttpRequest> collectionStatus = () -> get("/api/v1/collections/" + collection + "/status", admin);
		closed("warm-up", collectionStatus, 4, 5);
		Load.print(List.of(fixedRate("报送情况表（400 个工会）@50/s", collectionStatus, 50, seconds)));
		// the re-election board over every 工会, 团组织 and 妇委会 of the 400 organs, as the federation admin (target: under 100 ms)
		Supplier<HttpRequest> reelectionBoard = () -> get("/api/v1/reelections/board", admin);
		closed("warm-up", reelectionBoard, 4, 5);
		Load.print(List.of(fixedRate("换届工作台（工委管理员，全部组织）@20/s", reelectionBoard, 20, seconds)));
		// the aggregate of a 20-field form answered by every union (400), as the federation admin (target: under 200 ms)
		long benchForm = benchForm(admin);
		Supplier<HttpRequest> formAggregate = () -> get("/api/v1/forms/" + benchForm + "/aggregate", admin);
		closed("warm-up", formAggregate, 4, 5);
		Load.print(List.of(fixedRate("报表汇总（20 项 × 400 个工会）@20/s", formAggregate, 20, seconds)));
		finance(admin, seconds);
		// activities: the member's list over 1,000,000 registrations, and a flash sign-up of 5,000 for 500 seats
		new ActivityScenarios(base, admin).run(seconds);
		// learning: the study list and the competition over 1,000,000 completions and 50,000 attempts
		new LearningScenarios(base, admin).run(seconds);
		// care: the mutual-aid progress board over 400 organs and 70,000 enrolments, bulk enrolments of 2,000
		new CareScenarios(base, admin).run(seconds);
		if (organs != null) {
			new ExcelScenarios(base, admin).run(organs);
		}
	}

	/**
	 * Union funds over 2,000,000 journal entries (BenchFinance): a union's statement for this year
	 * (target p99 under 100 ms) and the federation's consolidated statement over every book (under
	 * 500 ms), each at a fixed rate.
	 */
	private void finance(String admin, int seconds) throws IOException, InterruptedException {
		String finance = token("finance1");
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		long union = bookId(finance, "基准测试大工会");
		long federation = bookId(admin, "机关工委");
		Supplier<HttpRequest> unionStatement = () -> get("/api/v1/finance/statement?orgId=" + union + "&year=" + year, finance);
		Supplier<HttpRequest> federationStatement = () -> get("/api/v1/finance/statement?orgId=" + federation + "&year="
				+ year, admin);
		closed("warm-up", unionStatement, 4, 5);
		closed("warm-up", federationStatement, 2, 5);
		Load.print(List.of(fixedRate("工会收支情况表（一个工会，本年）@50/s", unionStatement, 50, seconds),
				fixedRate("全市合并收支情况表（409 个账簿）@10/s", federationStatement, 10, seconds)));
		// the monthly dues sheet of the 2,000-member union: generate from its members and their pay,
		// confirm, post (target: under 2 s in all), once for each past month of this year
		int month = LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue();
		List<Long> totals = new ArrayList<>();
		for (int m = 1; m < month; m++) {
			long started = System.nanoTime();
			HttpResponse<String> created = send("POST", "/api/v1/finance/dues-sheets",
					"{\"orgId\":" + union + ",\"year\":" + year + ",\"month\":" + m + "}", finance);
			long generated = System.nanoTime();
			String id = created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
			HttpResponse<String> confirmed = send("POST", "/api/v1/finance/dues-sheets/" + id + "/confirm", null, finance);
			HttpResponse<String> posted = send("POST", "/api/v1/finance/dues-sheets/" + id + "/post", null, finance);
			long done = System.nanoTime();
			totals.add((done - started) / 1_000_000);
			System.out.printf(Locale.ROOT, "会费收缴表（2000 人工会，%d 月）：生成 %d ms（%d），确认并记账 %d ms（%d / %d），合计 %d ms%n", m,
					(generated - started) / 1_000_000, created.statusCode(), (done - generated) / 1_000_000,
					confirmed.statusCode(), posted.statusCode(), (done - started) / 1_000_000);
		}
		totals.sort(null);
		if (!totals.isEmpty()) {
			System.out.printf(Locale.ROOT, "会费收缴表：%d 次，中位 %d ms，最长 %d ms%n", totals.size(), totals.get(totals.size() / 2),
					totals.get(totals.size() - 1));
		}
	}

	private HttpResponse<String> send(String method, String path, String json, String token)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The id of the first book in the caller's list whose name or type contains the text. */
	private long bookId(String token, String text) throws IOException, InterruptedException {
		// the books come in pages ({content, page, size, totalElements, totalPages}): read them all
		for (int page = 0; page < 100; page++) {
			String body = http.send(get("/api/v1/finance/books?size=200&page=" + page, token),
					HttpResponse.BodyHandlers.ofString()).body();
			for (String item : body.split("\\},\\{")) {
				if (item.contains(text)) {
					return Long.parseLong(item.replaceAll(".*\"orgId\":(\\d+).*", "$1"));
				}
			}
			if (body.contains("\"content\":[]")) {
				break;
			}
		}
		throw new IllegalStateException("no book named " + text);
	}

	/** The id of the benchmark's 20-field form (BenchForms), from the federation admin's list. */
	private long benchForm(String admin) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(get("/api/v1/forms", admin), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"title\":\"基准测试报表（20项）\"")
			.matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("the benchmark form is missing: " + r.statusCode());
		}
		return Long.parseLong(m.group(1));
	}

	/** "My approvals" of a group admin with thousands of the 50,000 pending items, beside ping in the same run. */
	private void approvals(String group, Supplier<HttpRequest> ping, int seconds) throws InterruptedException {
		Supplier<HttpRequest> pending = () -> get("/api/v1/approvals?status=PENDING&size=20&page="
				+ ThreadLocalRandom.current().nextInt(5), group);
		closed("warm-up", pending, 4, 5);
		List<Load.Stat> results = new ArrayList<>();
		results.add(fixedRate("待我审批（片组管理员）@100/s", pending, 100, seconds));
		Load.Stat pingMax = closed("ping 饱和", ping, 8, seconds);
		Load.Stat pendingMax = closed("待我审批 饱和", pending, 8, seconds);
		results.add(pingMax);
		results.add(pendingMax);
		Load.print(results);
		System.out.printf(Locale.ROOT, "saturation ratio, my approvals / ping: %.3f%n",
				pendingMax.throughput() / pingMax.throughput());
	}

	private HttpRequest get(String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	String token(String user) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("token for " + user + ": " + r.statusCode() + " " + r.body());
		}
		return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	/** Open model: requests are due at a fixed rate whatever the server does; bounded by time. */
	private Load.Stat fixedRate(String name, Supplier<HttpRequest> request, int perSecond, int seconds)
			throws InterruptedException {
		return load.fixedRate(name, perSecond, seconds, i -> request.get());
	}

	/** Closed model: a fixed number of callers as fast as the server answers, for a fixed time. */
	private Load.Stat closed(String name, Supplier<HttpRequest> request, int callers, int seconds)
			throws InterruptedException {
		return load.closed(name, callers, seconds, request);
	}

	static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}
}
