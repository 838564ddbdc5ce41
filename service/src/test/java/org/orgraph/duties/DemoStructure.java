package org.orgraph.duties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orgraph.duties.DutyText;
import org.orgraph.duties.RevisionSnapshot;

/**
 * The structure of a demo organisation read straight from its JSON (units, posts, the lines the
 * document states), so that labelled duties of that organisation get the relation of their
 * holders the service would work out ({@link DutyAnalytics#relation}).
 */
record DemoStructure(RevisionSnapshot snapshot, Map<String, RevisionSnapshot.Duty> byHolderAndText) {

	static @Nullable DemoStructure of(String organisation) {
		try (InputStream in = DemoStructure.class.getResourceAsStream("/demo/" + organisation + ".json")) {
			if (in == null) {
				return null;
			}
			JsonNode doc = JsonMapper.builder().build().readTree(in);
			Map<String, RevisionSnapshot.Unit> units = new LinkedHashMap<>();
			Map<String, RevisionSnapshot.Position> positions = new LinkedHashMap<>();
			Map<String, RevisionSnapshot.Duty> duties = new LinkedHashMap<>();
			Map<String, RevisionSnapshot.Duty> byHolderAndText = new HashMap<>();
			for (JsonNode u : doc.get("units")) {
				String key = u.get("key").asString();
				units.put(key, new RevisionSnapshot.Unit(key, u.get("name").asString(), text(u.get("parent")), null, null));
				add(u, "UNIT", key, u.get("name").asString(), duties, byHolderAndText);
			}
			for (JsonNode p : doc.get("positions")) {
				String key = p.get("key").asString();
				JsonNode reports = p.get("reportsTo");
				String manager = reports == null || reports.isNull() ? null
						: reports.isArray() ? (reports.isEmpty() ? null : reports.get(0).asString()) : reports.asString();
				positions.put(key, new RevisionSnapshot.Position(key, p.get("title").asString(), p.get("unit").asString(),
						manager, false, text(p.get("concurrentWith")), 1));
				add(p, "POSITION", key, p.get("title").asString(), duties, byHolderAndText);
			}
			return new DemoStructure(new RevisionSnapshot(new Revision("demo-" + organisation, 1), units, positions, Map.of(), Map.of(),
					duties, 32), byHolderAndText);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void add(JsonNode holder, String kind, String key, String name,
			Map<String, RevisionSnapshot.Duty> duties, Map<String, RevisionSnapshot.Duty> byHolderAndText) {
		JsonNode list = holder.get("duties");
		if (list == null) {
			return;
		}
		for (JsonNode d : list) {
			String text = d.isTextual() ? d.asString() : d.get("text").asString();
			RevisionSnapshot.Duty duty = new RevisionSnapshot.Duty(key + "#" + duties.size(), text,
					DutyText.normalize(text), kind, key);
			duties.put(duty.key(), duty);
			byHolderAndText.putIfAbsent(name + "\u0000" + text, duty);
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : node.asString();
	}

	/** The relation of two labelled duties' holders, or null when a duty cannot be placed. */
	@Nullable HolderRelation relation(LabelledDuties.Duty a, LabelledDuties.Duty b) {
		RevisionSnapshot.Duty da = this.byHolderAndText.get(a.holder() + "\u0000" + a.text());
		RevisionSnapshot.Duty db = this.byHolderAndText.get(b.holder() + "\u0000" + b.text());
		return da == null || db == null ? null : DutyAnalytics.relation(this.snapshot, da, db);
	}


}
