package org.orgraph.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of planned headcount (编制): statuses, rates and the sentences that explain
 * every vacancy row. Pure functions; the Cypher files do the counting.
 */
final class Establishment {

	/** How many holders a post's reason names before "and N more". */
	static final int NAMED_HOLDERS = 5;

	private Establishment() {
	}

	/** How filled seats compare with what is planned. */
	enum VacancyStatus {

		/** More holders than planned (超编). */
		OVER_ESTABLISHMENT,

		/** Fewer holders than planned (缺编). */
		SHORTFALL,

		/** As many holders as planned. */
		FULL;

		static VacancyStatus of(long filled, long planned) {
			return filled > planned ? OVER_ESTABLISHMENT : filled < planned ? SHORTFALL : FULL;
		}

	}

	/** {@code part / whole} rounded, or null when there is no whole. */
	static @Nullable Double rate(long part, long whole) {
		return whole <= 0 ? null : round((double) part / whole);
	}

	/** Six decimals: enough for FTE and rates, and no {@code 74.92000000000002} in a dashboard. */
	static double round(double value) {
		return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue();
	}

	static @Nullable Double round(@Nullable Double value) {
		return value == null ? null : round(value.doubleValue());
	}

	/**
	 * Why a post has its status: {@code P07 "数据分析师": 3 seats, 2 holders (E0006, E0007; 2.0 FTE): 1 seat vacant (缺编).}
	 */
	static String positionReason(String key, String title, int seats, List<String> holders, double fte) {
		StringBuilder reason = new StringBuilder();
		reason.append(key).append(" \"").append(title).append("\": ").append(count(seats, "seat", "seats")).append(", ");
		if (holders.isEmpty()) {
			reason.append("nobody holds it");
		}
		else {
			reason.append(count(holders.size(), "holder", "holders")).append(" (").append(names(holders)).append("; ")
				.append(fte(fte)).append(" FTE)");
		}
		int filled = holders.size();
		reason.append(switch (VacancyStatus.of(filled, seats)) {
			case FULL -> ": full.";
			case SHORTFALL -> ": " + count(seats - filled, "seat", "seats") + " vacant (缺编).";
			case OVER_ESTABLISHMENT -> ": " + count(filled - seats, "holder", "holders") + " more than its seats (超编).";
		});
		return reason.toString();
	}

	/**
	 * Why a unit has its status: where its 编制 comes from, how much of it the subtree fills, and
	 * whether a stated figure matches the sum of its parts.
	 */
	static String unitReason(@Nullable Integer plannedHeadcount, int parts, int ownSeats, int subtreeSeats,
			int subtreeFilled, double subtreeFilledFte) {
		int planned = plannedHeadcount != null ? plannedHeadcount : parts;
		String breakdown = "own posts' seats " + ownSeats + " + child units' 编制 " + (parts - ownSeats);
		StringBuilder reason = new StringBuilder();
		if (plannedHeadcount != null) {
			reason.append("Planned headcount (编制) ").append(plannedHeadcount).append(" as stated; ");
		}
		else if (subtreeSeats == 0 && parts == 0) {
			return "No planned headcount (编制) stated and no posts in the unit or below it: nothing to fill.";
		}
		else {
			reason.append("No planned headcount (编制) stated: ").append(parts).append(" is the sum of its parts (")
				.append(breakdown).append("); ");
		}
		reason.append(subtreeFilled).append(" filled (").append(fte(subtreeFilledFte)).append(" FTE) across ")
			.append(count(subtreeSeats, "post seat", "post seats")).append(" in the unit and below it");
		reason.append(switch (VacancyStatus.of(subtreeFilled, planned)) {
			case FULL -> ": full.";
			case SHORTFALL -> ": " + (planned - subtreeFilled) + " short (缺编).";
			case OVER_ESTABLISHMENT -> ": " + (subtreeFilled - planned) + " over (超编).";
		});
		if (plannedHeadcount != null && plannedHeadcount != parts) {
			reason.append(" The stated ").append(plannedHeadcount).append(" does not match the sum of its parts, ")
				.append(parts).append(" (").append(breakdown).append(").");
		}
		return reason.toString();
	}

	/** {@link #positionReason} in Chinese: {@code P07 "数据分析师"：3 个席位，2 人任职（E0006, E0007；2.0 FTE）：缺编 1 个。} */
	static String positionReasonZh(String key, String title, int seats, List<String> holders, double fte) {
		StringBuilder reason = new StringBuilder();
		reason.append(key).append(" \"").append(title).append("\"：").append(seats).append(" 个席位，");
		if (holders.isEmpty()) {
			reason.append("无人任职");
		}
		else {
			reason.append(holders.size()).append(" 人任职（").append(namesZh(holders)).append("；").append(fte(fte))
				.append(" FTE）");
		}
		int filled = holders.size();
		reason.append(switch (VacancyStatus.of(filled, seats)) {
			case FULL -> "：满编。";
			case SHORTFALL -> "：缺编 " + (seats - filled) + " 个席位。";
			case OVER_ESTABLISHMENT -> "：超编 " + (filled - seats) + " 人。";
		});
		return reason.toString();
	}

	/** {@link #unitReason} in Chinese. */
	static String unitReasonZh(@Nullable Integer plannedHeadcount, int parts, int ownSeats, int subtreeSeats,
			int subtreeFilled, double subtreeFilledFte) {
		int planned = plannedHeadcount != null ? plannedHeadcount : parts;
		String breakdown = "本部门岗位席位 " + ownSeats + " + 下级部门编制 " + (parts - ownSeats);
		StringBuilder reason = new StringBuilder();
		if (plannedHeadcount != null) {
			reason.append("编制 ").append(plannedHeadcount).append("（文件所定）；");
		}
		else if (subtreeSeats == 0 && parts == 0) {
			return "未定编制，本部门及下级也没有岗位：无需配置。";
		}
		else {
			reason.append("未定编制：").append(parts).append(" 为各部分之和（").append(breakdown).append("）；");
		}
		reason.append("本部门及下级共 ").append(subtreeSeats).append(" 个岗位席位，已配 ").append(subtreeFilled)
			.append(" 人（").append(fte(subtreeFilledFte)).append(" FTE）");
		reason.append(switch (VacancyStatus.of(subtreeFilled, planned)) {
			case FULL -> "：满编。";
			case SHORTFALL -> "：缺编 " + (planned - subtreeFilled) + "。";
			case OVER_ESTABLISHMENT -> "：超编 " + (subtreeFilled - planned) + "。";
		});
		if (plannedHeadcount != null && plannedHeadcount != parts) {
			reason.append("所定编制 ").append(plannedHeadcount).append(" 与各部分之和 ").append(parts).append("（")
				.append(breakdown).append("）不一致。");
		}
		return reason.toString();
	}

	private static String namesZh(List<String> holders) {
		if (holders.size() <= NAMED_HOLDERS) {
			return String.join(", ", holders);
		}
		return String.join(", ", holders.subList(0, NAMED_HOLDERS)) + " 等 " + holders.size() + " 人";
	}

	private static String names(List<String> holders) {
		if (holders.size() <= NAMED_HOLDERS) {
			return String.join(", ", holders);
		}
		return String.join(", ", holders.subList(0, NAMED_HOLDERS)) + " and " + (holders.size() - NAMED_HOLDERS)
				+ " more";
	}

	private static String count(int n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	private static String fte(double fte) {
		return BigDecimal.valueOf(round(fte)).stripTrailingZeros().scale() <= 0
				? String.format(Locale.ROOT, "%.1f", fte) : BigDecimal.valueOf(round(fte)).stripTrailingZeros().toPlainString();
	}

}
