package org.orgraph.duties;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.projection.Projection;

/**
 * A revision's structure read from its projection: what the duty analytics need of posts and
 * units, without loading the revision into a {@link RevisionSnapshot}. Only for a projection
 * whose paths and units are exact ({@link Projection#exactPaths()}, {@link Projection#exactUnits()}):
 * one solid line and one unit per post, one parent per unit, as the snapshot reads them.
 */
record ProjectedStructure(Revision rev, Projection projection, int maxDepth) implements OrgStructure {

	ProjectedStructure {
		if (!projection.exactPaths() || !projection.exactUnits()) {
			throw new IllegalArgumentException("the projection of " + rev + " does not hold its structure exactly");
		}
	}

	@Override
	public @Nullable String unitOfPosition(String position) {
		int p = this.projection.position(position);
		int u = p < 0 ? -1 : this.projection.unitOf(p);
		return u < 0 ? null : this.projection.unitKey(u);
	}

	@Override
	public @Nullable String manager(String position) {
		int p = this.projection.position(position);
		int m = p < 0 ? -1 : this.projection.manager(p);
		return m < 0 ? null : this.projection.positionKey(m);
	}

	@Override
	public @Nullable String title(String position) {
		int p = this.projection.position(position);
		return p < 0 ? null : this.projection.title(p);
	}

	@Override
	public @Nullable String parentUnit(String unit) {
		int u = this.projection.unit(unit);
		int parent = u < 0 ? -1 : this.projection.unitParent(u);
		return parent < 0 ? null : this.projection.unitKey(parent);
	}

	@Override
	public @Nullable String head(String unit) {
		int u = this.projection.unit(unit);
		int head = u < 0 ? -1 : this.projection.unitHead(u);
		return head < 0 ? null : this.projection.positionKey(head);
	}

	@Override
	public @Nullable String unitName(String unit) {
		int u = this.projection.unit(unit);
		return u < 0 ? null : this.projection.unitName(u);
	}

}
