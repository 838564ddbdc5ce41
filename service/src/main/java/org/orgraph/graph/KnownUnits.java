package org.orgraph.graph;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;

/**
 * The units of positions a query has already read, for the rest of one GraphQL request: a
 * resolver that read a post together with its unit (a chain of command does, link by link)
 * leaves it here, and {@code Position.unit} then answers those posts without a query of
 * its own.
 */
public final class KnownUnits {

	private static final String KEY = KnownUnits.class.getName();

	private KnownUnits() {
	}

	/** Remembers that {@code position} is in {@code unit} (both of one revision). */
	public static void remember(GraphQLContext context, PositionView position, UnitView unit) {
		byPosition(context).put(key(position), unit);
	}

	static @Nullable UnitView of(GraphQLContext context, PositionView position) {
		Map<String, UnitView> known = context.get(KEY);
		return known == null ? null : known.get(key(position));
	}

	private static Map<String, UnitView> byPosition(GraphQLContext context) {
		return context.computeIfAbsent(KEY, k -> new ConcurrentHashMap<String, UnitView>());
	}

	private static String key(PositionView position) {
		return position.rev() + "\u0000" + position.key();
	}

}
