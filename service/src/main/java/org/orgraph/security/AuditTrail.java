package org.orgraph.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.orgraph.graph.Graph;
import org.springframework.stereotype.Service;

/**
 * Every write, kept in the graph: who (token name and id, never a person's name), when, what,
 * which organisation and revision. Admins read it with {@code auditTrail}.
 */
@Service
public class AuditTrail {

	private final Graph graph;

	AuditTrail(Graph graph) {
		this.graph = graph;
	}

	public record AuditEvent(String at, String actor, String action, @Nullable String organization,
			@Nullable Integer revision, @Nullable String detail) {
	}

	public void record(String actor, String action, @Nullable String organization, @Nullable Integer revision,
			@Nullable String detail) {
		Map<String, Object> params = new HashMap<>();
		params.put("actor", actor);
		params.put("action", action);
		params.put("organization", organization);
		params.put("revision", revision);
		params.put("detail", detail);
		this.graph.write("security/record-audit-event", params);
	}

	/** The newest events the current caller may see: all, or for a limited caller its organisation's. */
	public List<AuditEvent> latest(int limit) {
		return this.graph.read("security/audit-trail", ApiTokens.limitOf(Map.of("limit", limit)), r -> {
			Node e = r.get("e").asNode();
			return new AuditEvent(e.get("at").asZonedDateTime().toString(), e.get("actor").asString(),
					e.get("action").asString(), e.get("organization").asString(null),
					e.get("revision").computeOrDefault(Value::asInt, null),
					e.get("detail").asString(null));
		});
	}

}
