package org.orgraph.duties;

import java.util.List;

import org.orgraph.graph.Views.DutyHolderView;
import org.orgraph.graph.Views.DutyView;

/**
 * Duties of one revision that are about the same work (市场调研, 预算编制), with every unit and
 * post that holds one: a row of the responsibility matrix consultants draw by hand. A theme with
 * several holders that are not a unit and its own posts is where work is duplicated.
 * {@code name} is made of the words its duties share most.
 */
public record DutyTheme(String id, String name, List<String> words, List<DutyView> duties,
		List<DutyHolderView> holders, boolean duplication) {
}
