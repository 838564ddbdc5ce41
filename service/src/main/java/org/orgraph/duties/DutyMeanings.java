package org.orgraph.duties;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.orgraph.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * Duty texts' sentence vectors kept in the graph, so that a restart, or a second instance on the
 * same database, embeds only the texts nobody embedded before. A vector is stored under its model
 * and a SHA-256 of its text (the text itself is in the revisions, not here), as 512 little-endian
 * floats (2 KiB). Vectors are kept for every text ever embedded: they are shared by all
 * organisations and revisions, and a text that comes back is not embedded again.
 */
@Component
class DutyMeanings {

	/** Keys asked for or written at once. */
	static final int CHUNK = 500;

	private final Graph graph;

	DutyMeanings(Graph graph) {
		this.graph = graph;
	}

	/** The stored vectors of these keys ({@link #key}); keys without one are left out. */
	Map<String, float[]> load(List<String> keys) {
		Map<String, float[]> found = new java.util.HashMap<>();
		for (int from = 0; from < keys.size(); from += CHUNK) {
			this.graph
				.read("duties/meanings", Map.of("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK))),
						r -> Map.entry(r.get("key").asString(), floats(r.get("vector").asByteArray())))
				.forEach(e -> found.put(e.getKey(), e.getValue()));
		}
		return found;
	}

	/** Keeps these vectors, by key. */
	void save(Map<String, float[]> vectors) {
		List<Map<String, Object>> rows = new ArrayList<>();
		vectors.forEach((key, vector) -> rows.add(Map.of("key", key, "vector", bytes(vector))));
		for (int from = 0; from < rows.size(); from += CHUNK) {
			this.graph.write("duties/meanings-save",
					Map.of("meanings", rows.subList(from, Math.min(rows.size(), from + CHUNK))));
		}
	}

	/** The stored key of a text's vector under a model: the model's name ({@code bge-small-zh-v1.5-q}), ':' and the text's SHA-256. */
	static String key(String model, String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return model + ':' + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	static float[] floats(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}

}
