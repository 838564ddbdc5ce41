package org.orgraph.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;

/**
 * Measures a parsed GraphQL document before it is validated or run: depth, weighted field
 * count, aliases, root fields and directives, with fragments expanded where they are spread.
 * A fragment bomb (fragments spreading each other many times) would make the expansion itself
 * expensive, so measuring stops as soon as the field budget is spent; a fragment cycle is
 * not followed (validation rejects it).
 */
final class QueryShape {

	/**
	 * What the document asks for; {@code complexity} is at least {@code budget + 1} when measuring
	 * stopped early. {@code depth} is the nesting of the fields that read data;
	 * {@code introspectionDepth} that of the {@code __schema} and {@code __type} selections, which
	 * only lead to schema types and are held to their own limit.
	 */
	record Measures(int depth, long complexity, int aliases, int rootFields, int directives, int introspectionDepth) {

		Measures(int depth, long complexity, int aliases, int rootFields, int directives) {
			this(depth, complexity, aliases, rootFields, directives, 0);
		}

	}

	/** Root fields answered from the schema itself, never from data. */
	private static final java.util.Set<String> INTROSPECTION_ROOTS = java.util.Set.of("__schema", "__type");

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final int defaultListSize;

	private final long budget;

	private final Deque<String> expanding = new ArrayDeque<>();

	private long visits;

	private int depth;

	private int introspectionDepth;

	/** Whether the field being measured lies under {@code __schema} or {@code __type}. */
	private boolean inIntrospection;

	private int aliases;

	private int rootFields;

	private int directives;

	private QueryShape(GraphQLSchema schema, Document document, Map<String, Object> variables, int defaultListSize,
			long budget) {
		this.schema = schema;
		this.fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(java.util.stream.Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
		this.variables = variables;
		this.defaultListSize = defaultListSize;
		this.budget = budget;
	}

	/**
	 * Measures the operation named {@code operationName}, or every operation when it is null.
	 * @param budget the complexity past which measuring stops
	 */
	static Measures measure(GraphQLSchema schema, Document document, @Nullable String operationName,
			Map<String, Object> variables, int defaultListSize, long budget) {
		QueryShape shape = new QueryShape(schema, document, variables, defaultListSize, budget);
		int depth = 0;
		int introspectionDepth = 0;
		long complexity = 0;
		int aliases = 0;
		int rootFields = 0;
		int directives = 0;
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			if (operationName != null && !operationName.equals(operation.getName())) {
				continue;
			}
			shape.depth = 0;
			shape.introspectionDepth = 0;
			shape.aliases = 0;
			shape.rootFields = 0;
			shape.directives = operation.getDirectives().size();
			GraphQLOutputType root = switch (operation.getOperation()) {
				case MUTATION -> schema.getMutationType();
				case SUBSCRIPTION -> schema.getSubscriptionType();
				default -> schema.getQueryType();
			};
			long cost;
			try {
				cost = shape.cost(operation.getSelectionSet(), root, 1);
			}
			catch (BudgetSpent ex) {
				cost = budget + 1;
			}
			depth = Math.max(depth, shape.depth);
			introspectionDepth = Math.max(introspectionDepth, shape.introspectionDepth);
			complexity = Math.max(complexity, cost);
			aliases = Math.max(aliases, shape.aliases);
			rootFields = Math.max(rootFields, shape.rootFields);
			directives = Math.max(directives, shape.directives);
		}
		return new Measures(depth, complexity, aliases, rootFields, directives, introspectionDepth);
	}

	private long cost(@Nullable SelectionSet selections, @Nullable GraphQLType parent, int level) {
		if (selections == null) {
			return 0;
		}
		long total = 0;
		for (Selection<?> selection : selections.getSelections()) {
			switch (selection) {
				case Field field -> total += fieldCost(field, parent, level);
				case InlineFragment inline -> {
					count(inline.getDirectives());
					GraphQLType type = inline.getTypeCondition() == null ? parent
							: this.schema.getType(inline.getTypeCondition().getName());
					total += cost(inline.getSelectionSet(), type, level);
				}
				case FragmentSpread spread -> {
					count(spread.getDirectives());
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					if (fragment != null && !this.expanding.contains(fragment.getName())) {
						this.expanding.push(fragment.getName());
						total += cost(fragment.getSelectionSet(), this.schema.getType(fragment.getTypeCondition().getName()),
								level);
						this.expanding.pop();
					}
				}
				default -> {
				}
			}
			spend(total);
		}
		return total;
	}

	private long fieldCost(Field field, @Nullable GraphQLType parent, int level) {
		this.visits++;
		spend(this.visits);
		boolean introspectionRoot = level == 1 && INTROSPECTION_ROOTS.contains(field.getName());
		if (introspectionRoot) {
			this.inIntrospection = true;
		}
		try {
			return measureField(field, parent, level);
		}
		finally {
			if (introspectionRoot) {
				this.inIntrospection = false;
			}
		}
	}

	private long measureField(Field field, @Nullable GraphQLType parent, int level) {
		if (this.inIntrospection) {
			this.introspectionDepth = Math.max(this.introspectionDepth, level);
		}
		else {
			this.depth = Math.max(this.depth, level);
		}
		if (field.getAlias() != null) {
			this.aliases++;
		}
		if (level == 1) {
			this.rootFields++;
		}
		count(field.getDirectives());
		GraphQLFieldDefinition definition = definition(parent, field.getName());
		GraphQLOutputType type = definition == null ? null : definition.getType();
		long multiplier = definition == null ? 1 : multiplier(field, definition, parent);
		long children = cost(field.getSelectionSet(), type == null ? null : GraphQLTypeUtil.unwrapAll(type), level + 1);
		return 1 + multiplier * children;
	}

	/**
	 * A paged field answers up to {@code first} items; any other list up to the default. The
	 * {@code edges} of a connection are already counted by the connection's {@code first}.
	 */
	private long multiplier(Field field, GraphQLFieldDefinition definition, @Nullable GraphQLType parent) {
		GraphQLArgument first = definition.getArgument("first");
		if (first != null) {
			return Math.max(1, firstValue(field, first));
		}
		boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
		boolean edgesOfConnection = parent instanceof GraphQLNamedType named && named.getName().endsWith("Connection");
		return list && !edgesOfConnection ? this.defaultListSize : 1;
	}

	private long firstValue(Field field, GraphQLArgument first) {
		Optional<Value<?>> given = field.getArguments()
			.stream()
			.filter(a -> a.getName().equals("first"))
			.map(Argument::getValue)
			.<Value<?>>map(v -> v)
			.findFirst();
		if (given.isPresent()) {
			Value<?> value = given.get();
			if (value instanceof IntValue literal) {
				return clamp(literal.getValue().longValue());
			}
			if (value instanceof VariableReference ref && this.variables.get(ref.getName()) instanceof Number n) {
				return clamp(n.longValue());
			}
		}
		if (first.hasSetDefaultValue() && first.getArgumentDefaultValue().getValue() instanceof IntValue literal) {
			return clamp(literal.getValue().longValue());
		}
		return this.defaultListSize;
	}

	/** A page larger than the service allows is refused anyway; do not let it overflow the sum. */
	private static long clamp(long first) {
		return Math.min(Math.max(first, 0), 1_000_000);
	}

	private static @Nullable GraphQLFieldDefinition definition(@Nullable GraphQLType parent, String name) {
		return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
	}

	private void count(List<Directive> on) {
		this.directives = Math.max(this.directives, on.size());
	}

	private void spend(long spent) {
		if (spent > this.budget) {
			throw new BudgetSpent();
		}
	}

	private static final class BudgetSpent extends RuntimeException {

		BudgetSpent() {
			super(null, null, false, false);
		}

	}

}
