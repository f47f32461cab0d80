package org.quntuan.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Medical mutual aid under load (BenchMutualAid: this year's plan with a target of 70,000 split over the
 * 400 organs and 70,000 enrolments of the 100,000 people):
 * <ul>
 * <li>the city progress board (every organ's target, enrolled and union members, the 片组 and the city) as
 * the federation admin at 20 requests/s (target p99 under 100 ms), with ping in the same run at the same
 * rate and the saturation throughputs of both;</li>
 * <li>bulk enrolments of 2,000 people not enrolled yet, from all over the city, one request each (target
 * under 2 s), three times after one warm-up batch of 200.</li>
 * </ul>
 */
final class CareScenarios {

	private static final int BULK = 2_000;

	private static final int PAGE = 200;

	private final Load load;

	private final String admin;

	private final JsonMapper json = JsonMapper.builder().build();

	CareScenarios(String base, String admin) {
		this.load = new Load(base, status -> status == 200);
		this.admin = admin;
	}

	void run(int seconds) throws IOException, InterruptedException {
		long plan = benchPlan();
		String board = "/api/v1/care/mutual-aid/plans/" + plan + "/progress";
		load.closed("warm-up", 4, 5, () -> load.get(board, admin));
		Load.Stat ping = load.fixedRate("ping @20/s", 20, seconds, i -> load.get("/api/v1/ping", null));
		Load.Stat progress = load.fixedRate("医疗互助参保进度（全市 400 个单位，7 万人参保）@20/s", 20, seconds,
				i -> load.get(board, admin));
		Load.Stat pingMax = load.closed("ping 饱和", 8, seconds, () -> load.get("/api/v1/ping", null));
		Load.Stat boardMax = load.closed("参保进度 饱和", 8, seconds, () -> load.get(board, admin));
		Load.print(List.of(ping, progress, pingMax, boardMax));
		System.out.printf(Locale.ROOT, "saturation ratio, mutual-aid progress board / ping: %.3f%n",
				boardMax.throughput() / pingMax.throughput());
		enrol(plan, PAGE, "warm-up");
		for (int k = 1; k <= 3; k++) {
			enrol(plan, BULK, "run " + k);
		}
	}

	/** Enrols {@code count} people not enrolled yet in one request and prints how long it took. */
	private void enrol(long plan, int count, String label) throws IOException, InterruptedException {
		List<Long> ids = new ArrayList<>();
		for (int page = 0; ids.size() < count; page++) {
			HttpResponse<String> r = load.fetch(load.get("/api/v1/care/mutual-aid/plans/" + plan
					+ "/people?enrolled=false&size=" + PAGE + "&page=" + page, admin));
			JsonNode content = json.readTree(r.body()).get("content");
			if (r.statusCode() != 200 || content == null || content.isEmpty()) {
				throw new IllegalStateException("not enough people to enrol: " + r.statusCode() + " " + r.body());
			}
			for (JsonNode p : content) {
				if (ids.size() < count) {
					ids.add(p.get("id").asLong());
				}
			}
		}
		StringJoiner body = new StringJoiner(",", "{\"personIds\":[", "]}");
		ids.forEach(id -> body.add(Long.toString(id)));
		long t = System.nanoTime();
		HttpResponse<String> r = load.fetch(load.post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments", admin,
				body.toString()));
		double ms = (System.nanoTime() - t) / 1e6;
		if (r.statusCode() != 200) {
			throw new IllegalStateException("bulk enrolment: " + r.statusCode() + " " + r.body());
		}
		System.out.printf(Locale.ROOT, "bulk enrolment of %d people (%s): %.0f ms, answer %s%n", count, label, ms, r.body());
	}

	private long benchPlan() throws IOException, InterruptedException {
		HttpResponse<String> r = load.fetch(load.get("/api/v1/care/mutual-aid/plans?size=10", admin));
		for (JsonNode p : json.readTree(r.body()).get("content")) {
			if (p.get("target").asInt() == 70_000) {
				return p.get("id").asLong();
			}
		}
		throw new IllegalStateException("no bench mutual-aid plan (BenchMutualAid): " + r.statusCode() + " " + r.body());
	}
}
