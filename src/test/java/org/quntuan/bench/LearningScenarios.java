package org.quntuan.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning under load (BenchLearning: 200 materials assigned city-wide, about 1,000,000 completions, a
 * 2,000-question bank and a city-wide competition with 50,000 graded attempts; the tokens
 * bench-member-1 … 5000 of BenchActivities, none of whom has an attempt):
 * <ul>
 * <li>a member's 待学习 list and the competition's leaderboards (by person, by org), each at 50
 * requests/s (target p99 under 50 ms), with the saturation throughput of the list as a ratio to ping;</li>
 * <li>starting an attempt, a random draw of 10 + 5 + 5 from the bank with shuffled options, each by a
 * member who has none, at 20/s (target p99 under 100 ms).</li>
 * </ul>
 */
final class LearningScenarios {

	private static final int MEMBERS = 5_000;

	private final Load load;

	private final String admin;

	LearningScenarios(String base, String admin) {
		this.load = new Load(base);
		this.admin = admin;
	}

	private static String member(int i) {
		return "bench-member-" + i;
	}

	void run(int seconds) throws IOException, InterruptedException {
		long quiz = benchQuiz();
		String mine = "/api/v1/learning/mine";
		String byPerson = "/api/v1/quizzes/" + quiz + "/leaderboard?by=person";
		String byOrg = "/api/v1/quizzes/" + quiz + "/leaderboard?by=org";
		for (String path : List.of(mine, byPerson, byOrg)) {
			load.closed("warm-up", 4, 5, () -> load.get(path, member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		}
		Load.Stat list = load.fixedRate("待学习（成员）@50/s", 50, seconds,
				i -> load.get(mine, member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Load.Stat persons = load.fixedRate("竞赛排行榜（按人，5 万份答卷）@50/s", 50, seconds,
				i -> load.get(byPerson, member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Load.Stat orgs = load.fixedRate("竞赛排行榜（按单位）@50/s", 50, seconds,
				i -> load.get(byOrg, member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		Load.Stat ping = load.closed("ping 饱和", 8, seconds, () -> load.get("/api/v1/ping", null));
		Load.Stat listMax = load.closed("待学习 饱和", 8, seconds,
				() -> load.get(mine, member(1 + ThreadLocalRandom.current().nextInt(MEMBERS))));
		// warm the start of an attempt with members the measured run does not use
		for (int i = 0; i < 100; i++) {
			load.send(load.post("/api/v1/quizzes/" + quiz + "/attempts", member(MEMBERS - i), null));
		}
		Load.Stat start = load.fixedRate("开始答题（2000 题随机抽 20 题）@20/s", 20, seconds,
				i -> load.post("/api/v1/quizzes/" + quiz + "/attempts", member(i + 1), null));
		Load.print(List.of(list, persons, orgs, ping, listMax, start));
		System.out.printf(Locale.ROOT, "saturation ratio, member's study list / ping: %.3f%n",
				listMax.throughput() / ping.throughput());
	}

	private long benchQuiz() throws IOException, InterruptedException {
		var r = load.fetch(load.get("/api/v1/quizzes?size=100", admin));
		JsonNode body = JsonMapper.builder().build().readTree(r.body());
		for (JsonNode q : body.get("content")) {
			if (q.get("title").asString().equals("基准知识竞赛")) {
				return q.get("id").asLong();
			}
		}
		throw new IllegalStateException("no bench competition (BenchLearning): " + r.statusCode() + " " + r.body());
	}
}
