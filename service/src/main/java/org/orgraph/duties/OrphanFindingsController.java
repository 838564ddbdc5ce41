package org.orgraph.duties;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Connection;
import org.orgraph.graph.CountedConnection;
import org.orgraph.graph.Language;
import org.orgraph.graph.OrgReader;
import org.orgraph.graph.Views.DutyHolderView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code orphanedDutiesPage} and {@code orphanFindings}: the orphaned duties a page at a time,
 * and grouped where one cause explains many ("8 units have duties but no posts: 40 duties"
 * rather than 40 cards), with explanations in Chinese or English.
 */
@Controller
class OrphanFindingsController {

	private final DutyAnalytics analytics;

	private final OrgReader reader;

	OrphanFindingsController(DutyAnalytics analytics, OrgReader reader) {
		this.analytics = analytics;
		this.reader = reader;
	}

	/**
	 * Every orphaned duty of one reason: one cause (units without posts, vacant posts, posts
	 * filled only concurrently, no holder at all) explains them together.
	 */
	record OrphanFinding(String id, OrphanReason reason, List<Orphan> orphans, List<DutyHolderView> holderList) {

		public int dutyCount() {
			return this.orphans.size();
		}

		public int holderCount() {
			return this.holderList.size();
		}

	}

	record OrphanFindingConnection(List<Connection.Edge<OrphanFinding>> edges, Connection.PageInfo pageInfo,
			int totalCount, int dutyCount) {
	}

	@QueryMapping
	CountedConnection<Orphan> orphanedDutiesPage(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.reader.pageSize(first);
		List<Orphan> all = orphans(org, revision);
		return CountedConnection.of(Connection.slice(all, limit, after, o -> o.duty().key()), all::size);
	}

	@QueryMapping
	OrphanFindingConnection orphanFindings(@Argument String org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		int limit = this.reader.pageSize(first);
		List<Orphan> all = orphans(org, revision);
		List<OrphanFinding> findings = group(all);
		Connection<OrphanFinding> page = Connection.slice(findings, limit, after, OrphanFinding::id);
		return new OrphanFindingConnection(page.edges(), page.pageInfo(), findings.size(), all.size());
	}

	@SchemaMapping(typeName = "OrphanFinding")
	List<DutyHolderView> holders(OrphanFinding finding, @Argument @Nullable Integer first) {
		return finding.holderList().subList(0, Math.min(finding.holderCount(), this.reader.pageSize(first)));
	}

	@SchemaMapping(typeName = "OrphanFinding")
	List<Orphan> duties(OrphanFinding finding, @Argument @Nullable Integer first) {
		return finding.orphans().subList(0, Math.min(finding.dutyCount(), this.reader.pageSize(first)));
	}

	@SchemaMapping(typeName = "OrphanFinding")
	String explanation(OrphanFinding finding, @Argument @Nullable String lang, GraphQLContext context) {
		return explain(finding, Language.of(lang, context));
	}

	@SchemaMapping(typeName = "OrphanedDuty")
	String explanation(Orphan orphan, @Argument @Nullable String lang, GraphQLContext context) {
		return orphan.explanation(Language.of(lang, context));
	}

	static List<OrphanFinding> group(List<Orphan> orphans) {
		Map<OrphanReason, List<Orphan>> byReason = new EnumMap<>(OrphanReason.class);
		orphans.forEach(o -> byReason.computeIfAbsent(o.reason(), r -> new ArrayList<>()).add(o));
		List<OrphanFinding> findings = new ArrayList<>();
		byReason.forEach((reason, group) -> {
			Map<String, DutyHolderView> holders = new LinkedHashMap<>();
			group.stream()
				.map(o -> o.duty().holder())
				.filter(h -> h != null && !h.key().isEmpty())
				.forEach(h -> holders.putIfAbsent(h.kind() + ":" + h.key(), h));
			findings.add(new OrphanFinding(reason.name(), reason, List.copyOf(group), List.copyOf(holders.values())));
		});
		findings.sort((a, b) -> Integer.compare(b.dutyCount(), a.dutyCount()));
		return findings;
	}

	static String explain(OrphanFinding f, Language language) {
		int duties = f.dutyCount();
		int holders = f.holderCount();
		if (language == Language.ZH) {
			return switch (f.reason()) {
				case UNIT_ONLY -> "%d 个部门有职责却没有岗位：共 %d 项职责无人承担".formatted(holders, duties);
				case NO_HOLDER -> "%d 项职责没有任何部门或岗位承担".formatted(duties);
				case ALL_HOLDERS_VACANT -> "%d 项职责只由空缺岗位承担（涉及 %d 个部门或岗位）".formatted(duties, holders);
				case ONLY_CONCURRENT -> "%d 项职责只由兼任的岗位承担（涉及 %d 个部门或岗位）".formatted(duties, holders);
			};
		}
		return switch (f.reason()) {
			case UNIT_ONLY -> "%s %s duties but no posts: %s nobody holds".formatted(count(holders, "unit"),
					holders == 1 ? "has" : "have", count(duties, "duty"));
			case NO_HOLDER -> "%s held by no unit or post".formatted(count(duties, "duty"));
			case ALL_HOLDERS_VACANT -> "%s carried only by vacant posts (%s)".formatted(count(duties, "duty"),
					count(holders, "holder"));
			case ONLY_CONCURRENT -> "%s carried only by posts filled concurrently (兼任) (%s)"
				.formatted(count(duties, "duty"), count(holders, "holder"));
		};
	}

	private static String count(int n, String noun) {
		String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
		return n + " " + (n == 1 ? noun : plural);
	}

	private List<Orphan> orphans(String org, @Nullable Integer revision) {
		return this.reader.organization(org)
			.map(o -> this.analytics.orphans(this.reader.revision(o, revision)))
			.orElse(List.of());
	}

}
