package org.orgraph.graph;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.neo4j.health.Neo4jHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's Neo4j health check with a deadline: on a stalled connection the driver would
 * wait for ever, and a health check that hangs tells the load balancer nothing. Named like
 * Boot's bean, so it replaces it.
 */
@Component("neo4jHealthIndicator")
class Neo4jHealth implements HealthIndicator {

	private final Neo4jHealthIndicator delegate;

	private final Duration deadline;

	private final ExecutorService checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-", 0).factory());

	private final @Nullable EmbeddedNeo4j embedded;

	Neo4jHealth(Driver driver, OrgraphProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
		this.delegate = new Neo4jHealthIndicator(driver);
		this.deadline = properties.queryTimeout();
		this.embedded = embedded.getIfAvailable();
	}

	/** The engine in this JVM answers in-process (Bolt may be off); its details stay out of the answer. */
	private Health check() {
		if (this.embedded == null) {
			return this.delegate.health();
		}
		boolean available = this.embedded.database().isAvailable(this.deadline.toMillis());
		return (available ? Health.up() : Health.down()).withDetail("database", "embedded").build();
	}

	@Override
	public Health health() {
		CompletableFuture<Health> check = CompletableFuture.supplyAsync(this::check, this.checks);
		try {
			return check.get(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			check.cancel(true);
			return Health.down().withDetail("error", "no answer from Neo4j within " + this.deadline.toSeconds() + " s").build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
	}

}
