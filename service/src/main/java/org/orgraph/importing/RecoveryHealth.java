package org.orgraph.importing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} is DOWN until start-up has removed what an interrupted import left
 * behind: the server accepts requests before that work is done, and a load balancer must not
 * send them while a half-written revision may still be in the store.
 */
@Component("recoveryHealthIndicator")
class RecoveryHealth implements HealthIndicator {

	private volatile boolean done;

	void done() {
		this.done = true;
	}

	@Override
	public Health health() {
		return this.done ? Health.up().build()
				: Health.down().withDetail("recovery", "removing revisions left by interrupted imports").build();
	}

}
