package org.orgraph;

import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The seed of a class of generated test cases: fixed, so every run sends the same cases, and
 * overridable with {@code -Dorgraph.test.seed=N} to try others. Registered as an extension
 * ({@code @RegisterExtension static final Seed SEED = Seed.orDefault(…)}), it names the seed
 * and the case in every failure, so the run can be replayed.
 */
public final class Seed implements TestExecutionExceptionHandler {

	public static final String PROPERTY = "orgraph.test.seed";

	private final long value;

	private Seed(long value) {
		this.value = value;
	}

	/** The seed given by {@value #PROPERTY}, else {@code fallback}. */
	public static Seed orDefault(long fallback) {
		return new Seed(Long.getLong(PROPERTY, fallback));
	}

	public long value() {
		return this.value;
	}

	/** A source of randomness for one case, the same for the same seed and case number. */
	public Random random(int caseNumber) {
		// mixed, because java.util.Random's first values from neighbouring seeds are alike
		return new Random(new SplittableRandom(this.value + caseNumber * 0x9E3779B97F4A7C15L).nextLong());
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		AssertionError named = new AssertionError("%s %s failed with seed %d (replay: -D%s=%d): %s".formatted(
				context.getRequiredTestMethod().getName(), context.getDisplayName(), this.value, PROPERTY, this.value,
				failure.getMessage()), failure);
		named.setStackTrace(failure.getStackTrace());
		throw named;
	}

}
