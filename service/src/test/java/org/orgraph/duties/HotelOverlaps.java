package org.orgraph.duties;

import java.util.List;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orgraph.GraphQlDocuments.execute;

/**
 * The similar duties of hotel-ops-centre, found with or without embeddings: first comes the pair
 * of 总经理办公室 (U01) 监督各部门的运营工作,确保酒店的高效运营 and 运营管理部 (U03, under U01)
 * 指导各部门的运营工作,确保酒店的高效运营.
 */
final class HotelOverlaps {

	private HotelOverlaps() {
	}

	/** Asks for the hotel's SIMILAR overlaps and checks that the supervising and guiding pair comes first. */
	static GraphQlTester.Response similarWithSupervisingAndGuidingFirst(GraphQlTester graphQl) {
		GraphQlTester.Response response = execute(graphQl, "dutyOverlaps", "org", "hotel-ops-centre", "mode", "SIMILAR");
		List<String> texts = response.path("dutyOverlaps.edges[0].node.duties[*].text").entityList(String.class).get();
		assertThat(texts).containsExactly("监督各部门的运营工作,确保酒店的高效运营", "指导各部门的运营工作,确保酒店的高效运营");
		return response;
	}

}
