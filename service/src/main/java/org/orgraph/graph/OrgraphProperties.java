package org.orgraph.graph;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code orgraph.*}).
 *
 * @param dataDir where the embedded store and uploaded files live
 * @param demoData load the demo organisations when the store is empty
 * @param boltPort the embedded Bolt port on 127.0.0.1 (0: any free port); unset, Bolt is off.
 * When on it requires a password ({@code orgraph.bolt-password}, or generated and printed once)
 * @param queryTimeout the transaction timeout applied to every read and import batch
 * @param maxPageSize the largest {@code first} a connection accepts
 * @param maxDepth the longest reporting or unit path any traversal follows
 * @param importWriters how many transactions an import writes duties on side by side (0: one
 * per processor)
 */
@ConfigurationProperties("orgraph")
public record OrgraphProperties(
		@DefaultValue("./data") Path dataDir,
		@DefaultValue("true") boolean demoData,
		@Nullable Integer boltPort,
		@DefaultValue("10s") Duration queryTimeout,
		@DefaultValue("500") int maxPageSize,
		@DefaultValue("64") int maxDepth,
		@DefaultValue("0") int importWriters) {

	/** {@link #importWriters()}, with 0 resolved to the number of processors. */
	public int writers() {
		return this.importWriters > 0 ? this.importWriters : Runtime.getRuntime().availableProcessors();
	}

}
