package org.orgraph.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The projection cache in {@code /actuator/health} ({@code projections}): how many revisions are
 * projected, their bytes against {@code orgraph.projection-cache}, loads and load time. Always
 * up: a projection that cannot load fails its request, and Neo4j's own indicator says why.
 */
@Component("projectionsHealthIndicator")
class ProjectionsHealth implements HealthIndicator {

	private final Projections projections;

	ProjectionsHealth(Projections projections) {
		this.projections = projections;
	}

	@Override
	public Health health() {
		Projections.Stats stats = this.projections.stats();
		return Health.up()
			.withDetail("enabled", this.projections.enabled())
			.withDetail("revisions", stats.count())
			.withDetail("loading", stats.loading())
			.withDetail("bytes", stats.bytes())
			.withDetail("limitBytes", stats.limit())
			.withDetail("loads", stats.loads())
			.withDetail("loadMillis", stats.loadMillis())
			.withDetail("lastLoadMillis", stats.lastLoadMillis())
			.withDetail("evictions", stats.evictions())
			.withDetail("failedLoads", stats.failures())
			.build();
	}

}
