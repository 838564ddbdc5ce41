package org.orgraph.projection;

import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Streams one revision out of the store into a {@link Projection}: five statements
 * ({@code cypher/queries/projection/}: units, positions, lines, people, holdings), each row
 * folded into arrays as it arrives and let go of. Knows nothing of Spring, so the benchmark
 * builds the same projection over Bolt.
 */
public final class ProjectionLoader {

	/** The statements, by file name under {@code cypher/queries/projection/}, in the order they are run. */
	public static final String[] QUERIES = { "units", "positions", "lines", "people", "holdings" };

	/** Runs a named statement of {@link #QUERIES} with its parameters and hands over each row. */
	@FunctionalInterface
	public interface Rows {

		void each(String query, Map<String, Object> parameters, Consumer<Record> row);

	}

	private ProjectionLoader() {
	}

	public static Projection load(String rev, Rows rows) {
		Projection.Builder builder = new Projection.Builder(rev);
		Map<String, Object> params = Map.of("rev", rev);
		rows.each("units", params, r -> builder.unit(r.get("key").asString(), string(r.get("name")),
				string(r.get("kind")), r.get("plannedHeadcount").isNull() ? null : r.get("plannedHeadcount").asInt(),
				string(r.get("parent")), r.get("parents").asInt(), r.get("duties").asInt(),
				string(r.get("head"))));
		rows.each("positions", params, r -> builder.position(r.get("key").asString(), string(r.get("title")),
				string(r.get("grade")), r.get("headcount").asInt(1), r.get("juniorFte").asDouble(0),
				string(r.get("unit")), r.get("units").asInt(), r.get("concurrentTo").asInt(), r.get("concurrentFrom").asInt(),
				r.get("duties").asInt()));
		rows.each("lines", params, r -> builder.line(r.get("from").asString(), r.get("to").asString(),
				bool(r.get("line")), bool(r.get("derived"))));
		rows.each("people", params, r -> builder.person(r.get("key").asString(), string(r.get("name"))));
		rows.each("holdings", params, r -> builder.holding(r.get("person").asString(), r.get("position").asString(),
				r.get("fte").asDouble(1.0), r.get("acting").asBoolean(false)));
		return builder.build();
	}

	private static @Nullable String string(Value value) {
		return value.isNull() ? null : value.asString();
	}

	private static @Nullable Boolean bool(Value value) {
		return value.isNull() ? null : value.asBoolean();
	}

}
