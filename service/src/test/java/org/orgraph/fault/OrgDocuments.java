package org.orgraph.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * Generated org documents in the native JSON format. Every key carries the attempt number
 * ({@code A17-P0003}), so whatever revision a crash leaves behind names the document it came from,
 * and the expected counts are known without asking the service.
 */
final class OrgDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What one document should leave in the store. */
	record Expected(int attempt, int units, int positions, int people, int duties, int reportsTo) {
	}

	record Document(byte[] json, Expected expected) {
	}

	private OrgDocuments() {
	}

	/** A tree of {@code positions} posts in {@code positions / 25 + 1} units; reporting lines point to earlier posts only. */
	static Document generate(String org, int attempt, int positions, Random random) {
		String prefix = "A" + attempt + "-";
		int unitCount = positions / 25 + 1;
		List<Map<String, Object>> units = new ArrayList<>();
		for (int u = 0; u < unitCount; u++) {
			Map<String, Object> unit = new LinkedHashMap<>();
			unit.put("key", prefix + "U" + u);
			unit.put("name", "单位 " + u);
			unit.put("parent", u == 0 ? null : prefix + "U" + random.nextInt(u));
			unit.put("kind", "department");
			unit.put("duties", List.of());
			units.add(unit);
		}
		List<Map<String, Object>> posts = new ArrayList<>();
		List<Map<String, Object>> people = new ArrayList<>();
		int reportsTo = 0;
		for (int p = 0; p < positions; p++) {
			Map<String, Object> post = new LinkedHashMap<>();
			post.put("key", prefix + "P" + p);
			post.put("title", "岗位 " + p);
			post.put("unit", prefix + "U" + (p % unitCount));
			String boss = p == 0 ? null : prefix + "P" + random.nextInt(p);
			post.put("reportsTo", boss);
			if (boss != null) {
				reportsTo++;
			}
			post.put("duties", List.of(Map.of("key", prefix + "D" + p, "text", "负责第 " + p + " 项工作 " + random.nextInt())));
			post.put("concurrentWith", null);
			posts.add(post);
			people.add(Map.of("key", prefix + "E" + p, "name", "测试员" + p, "holds",
					List.of(Map.of("position", prefix + "P" + p, "fte", 1.0, "acting", false))));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", org);
		document.put("name", org + " " + attempt);
		document.put("units", units);
		document.put("positions", posts);
		document.put("people", people);
		byte[] json = JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
		return new Document(json, new Expected(attempt, unitCount, positions, positions, positions, reportsTo));
	}

	/** The attempt a key such as {@code A17-P3} was generated for. */
	static int attemptOf(String key) {
		return Integer.parseInt(key.substring(1, key.indexOf('-')));
	}

}
