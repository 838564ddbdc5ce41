package org.orgraph.duties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Graph;
import org.orgraph.graph.Views;
import org.springframework.stereotype.Component;

/**
 * Consultants' verdicts on overlaps: whether two duties are a duplicate, a partial overlap or
 * distinct. A verdict is keyed by the organisation and the two duties' normal forms, not by duty
 * keys, so it holds in every later revision that still has those duties.
 */
@Component
public class OverlapReviews {

	/** What a consultant decided about a pair of duties. */
	public enum Verdict {

		DUPLICATE, PARTIAL, DISTINCT

	}

	/** A recorded verdict: who (the token's name), when, and why. */
	public record Review(Verdict verdict, @Nullable String note, String by, String at) {
	}

	private final Graph graph;

	OverlapReviews(Graph graph) {
		this.graph = graph;
	}

	/** The key of a pair of duty texts: the same whichever comes first. */
	public static String pairKey(String textA, String textB) {
		String a = DutyText.normalize(textA);
		String b = DutyText.normalize(textB);
		String joined = a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Review record(String org, String textA, String textB, Verdict verdict, @Nullable String note, String by) {
		return this.graph.write("duties/review-overlap", Map.of("org", org, "pair", pairKey(textA, textB), "first",
				textA, "second", textB, "verdict", verdict.name(), "note", note == null ? "" : note, "by", by),
				r -> new Review(Verdict.valueOf(r.get("verdict").asString()), emptyToNull(r.get("note").asString("")),
						r.get("by").asString(), r.get("at").asString()))
			.getFirst();
	}

	/** Every verdict recorded for an organisation, by pair key. */
	public Map<String, Review> of(String org) {
		Map<String, Review> reviews = new LinkedHashMap<>();
		this.graph.read("duties/overlap-reviews", Map.of("org", org), r -> Map.entry(r.get("pair").asString(),
				new Review(Verdict.valueOf(r.get("verdict").asString()), emptyToNull(r.get("note").asString(null)),
						r.get("by").asString(), r.get("at").asString())))
			.forEach(e -> reviews.put(e.getKey(), e.getValue()));
		return reviews;
	}

	/** The verdict on an overlap of two duties, if one was recorded. */
	public static @Nullable Review of(Map<String, Review> reviews, Overlap overlap) {
		List<Views.DutyView> duties = overlap.duties();
		if (overlap.kind() != Overlap.Kind.SIMILAR || duties.size() != 2) {
			return null;
		}
		return reviews.get(pairKey(duties.get(0).text(), duties.get(1).text()));
	}

	private static @Nullable String emptyToNull(@Nullable String s) {
		return s == null || s.isEmpty() ? null : s;
	}

}
