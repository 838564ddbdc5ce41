package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UkOrganogramParserTests {

	private static final String DFID = "Department for International Development";

	private static final String MARCH = "department_for_international_development-2013-03-31";

	private static final String SEPTEMBER = "department_for_international_development-2013-09-30";

	private final UkOrganogramParser parser = new UkOrganogramParser();

	@Nested
	class DfidMarch2013 {

		private final ParseResult result = parse(fixture(MARCH + "-senior.csv"), fixture(MARCH + "-junior.csv"));

		private final OrgDocument doc = document(this.result);

		@Test
		void shouldLoadEveryPostOnceWithRepeatedRowsCountedOnce() {
			assertThat(this.doc.key()).isEqualTo("dfid");
			assertThat(this.doc.name()).isEqualTo(DFID);
			// 77 rows; B72 and A16 each appear twice with the same holder and a tenure URI as FTE
			assertThat(this.doc.positions()).hasSize(75);
			assertThat(position(this.doc, "B72").headcount()).isEqualTo(1);
			assertThat(position(this.doc, "A16").headcount()).isEqualTo(1);
			assertThat(this.doc.people()).hasSize(75);
			assertThat(this.result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.DUPLICATE_ROW, 71, 1), tuple(ProblemCodes.DUPLICATE_ROW, 76, 1));
			assertThat(this.result.problems()).allMatch((problem) -> !problem.isError());
		}

		@Test
		void shouldReadNdAsUndisclosedHoldersAndFindNoVacantOrEliminatedPost() {
			assertThat(this.doc.people()).filteredOn((person) -> person.name().equals("Not disclosed"))
				.extracting(Person::key)
				.containsExactly("A6-holder", "B94-holder", "A14-holder", "A12-holder", "A15-holder", "A8-holder");
			assertThat(vacant(this.doc)).isEmpty();
			assertThat(this.result.problems()).noneMatch((p) -> p.code().equals(ProblemCodes.ELIMINATED_POST));
		}

		@Test
		void shouldFindTwoTopsThePermanentSecretaryAndASecondee() {
			assertThat(tops(this.doc)).containsExactly("A1", "A11");
			assertThat(position(this.doc, "A1").title()).isEqualTo("Permanent Secretary");
			assertThat(position(this.doc, "A1").grade()).isEqualTo("SCS4");
		}

		@Test
		void shouldKeepReportingLinesAsPublished() {
			assertThat(reportingLines(this.doc)).containsEntry("B102", "A21")
				.containsEntry("B44", "B89")
				.containsEntry("B75", "A19")
				.containsEntry("B77", "A15")
				.containsEntry("B108", "A1")
				.containsEntry("A6", "A5")
				.containsEntry("A2", "A1")
				.containsEntry("B53", "B44")
				.containsEntry("A10", "A22")
				.containsEntry("A13", "A5")
				.containsEntry("A22", "A1")
				.containsEntry("A23", "A3")
				.containsEntry("B60", "A12");
		}

		@Test
		void shouldSumJuniorStaffUnderTheirSeniorPosts() {
			assertThat(position(this.doc, "B41").juniorFte()).isEqualTo(120.2);
			assertThat(position(this.doc, "B47").juniorFte()).isEqualTo(107.9);
			assertThat(position(this.doc, "B100").juniorFte()).isEqualTo(55.2);
			assertThat(position(this.doc, "B43").juniorFte()).isEqualTo(76.0);
			assertThat(position(this.doc, "A20").juniorFte()).isEqualTo(25.8);
			assertThat(position(this.doc, "A15").juniorFte()).isEqualTo(15.4);
			assertThat(position(this.doc, "A1").juniorFte()).isZero();
			assertThat(this.doc.metadata()).containsEntry("juniorFteTotal", 1464.5)
				.containsEntry("juniorFteUnassigned", 0.0)
				.containsEntry("seniorRows", 77)
				.containsEntry("juniorRows", 303)
				.containsEntry("format", "uk-organogram")
				.containsEntry("files", List.of(MARCH + "-senior.csv", MARCH + "-junior.csv"));
		}

		@Test
		void shouldBuildUnitsUnderTheOrganisation() {
			assertThat(this.doc.units()).extracting(Unit::key, Unit::parent, Unit::kind)
				.containsExactly(tuple(DFID, null, "organization"),
						tuple("Finance & Corporate Performance", DFID, "unit"), tuple("Country programmes", DFID, "unit"),
						tuple("DFID", DFID, "unit"), tuple("Policy & International", DFID, "unit"),
						tuple("Corporate Performance", DFID, "unit"));
			assertThat(position(this.doc, "A11").unit()).isEqualTo("DFID");
		}

		@Test
		void shouldRememberWhereEachItemWasRead() {
			String file = MARCH + "-senior.csv";
			assertThat(position(this.doc, "A11").at()).isEqualTo(Location.of(file, 65, 1));
			assertThat(person(this.doc, "A11-holder").holds().getFirst().fte()).isEqualTo(0.92);
			assertThat(person(this.doc, "A11-holder").holds().getFirst().at()).isEqualTo(Location.of(file, 65, 13));
			assertThat(person(this.doc, "A6-holder").at()).isEqualTo(Location.of(file, 27, 2));
			assertThat(position(this.doc, "B102").duties()).singleElement()
				.satisfies((duty) -> assertThat(duty.key()).isEqualTo("B102-function"))
				.satisfies((duty) -> assertThat(duty.text()).startsWith("Leading the Internal Audit function"))
				.satisfies((duty) -> assertThat(duty.at()).isEqualTo(Location.of(file, 2, 5)));
			assertThat(unit(this.doc, "DFID").at()).isEqualTo(Location.of(file, 6, 8));
			assertThat(unit(this.doc, DFID).at()).isEqualTo(Location.of(file, 2, 7));
		}

		@Test
		void shouldKeepNamesAsWritten() {
			assertThat(person(this.doc, "A13-holder").name()).isEqualTo("Sharpe, Sam");
			assertThat(person(this.doc, "B73-holder").name()).isEqualTo("O'Neil Dominic");
		}

	}

	@Nested
	class DfidSeptember2013 {

		private final ParseResult result = parse(fixture(SEPTEMBER + "-senior.csv"),
				fixture(SEPTEMBER + "-junior.csv"));

		private final OrgDocument doc = document(this.result);

		@Test
		void shouldLoadEveryPostWithoutProblems() {
			assertThat(this.result.problems()).isEmpty();
			assertThat(this.doc.positions()).hasSize(89);
			assertThat(this.doc.positions()).allMatch((position) -> position.headcount() == 1);
			assertThat(this.doc.people()).hasSize(89).noneMatch((person) -> person.name().equals("Not disclosed"));
			assertThat(vacant(this.doc)).isEmpty();
		}

		@Test
		void shouldFindOneTop() {
			assertThat(tops(this.doc)).containsExactly("A1");
		}

		@Test
		void shouldKeepReportingLinesAsPublishedIncludingSelfReports() {
			assertThat(reportingLines(this.doc)).containsEntry("B44", "A20")
				.containsEntry("B139", "B38")
				.containsEntry("A29", "A10")
				.containsEntry("B77", "A30")
				.containsEntry("B73", "B87")
				.containsEntry("B118", "B67")
				.containsEntry("A13", "B67")
				.containsEntry("B137", "B77")
				.containsEntry("B114", "B91")
				.containsEntry("A10", "A1")
				.containsEntry("A7", "A1")
				.containsEntry("A23", "A7")
				// published as reporting to themselves; the validator decides
				.containsEntry("B52", "B52")
				.containsEntry("B130", "B130")
				.containsEntry("B41", "B41");
		}

		@Test
		void shouldSumJuniorStaffUnderTheirSeniorPosts() {
			assertThat(position(this.doc, "B41").juniorFte()).isEqualTo(99.4);
			assertThat(position(this.doc, "B47").juniorFte()).isEqualTo(93.2);
			assertThat(position(this.doc, "B89").juniorFte()).isEqualTo(91.5);
			assertThat(position(this.doc, "B54").juniorFte()).isEqualTo(74.4);
			assertThat(position(this.doc, "B121").juniorFte()).isEqualTo(51.6);
			assertThat(position(this.doc, "A23").juniorFte()).isEqualTo(49.8);
			assertThat(position(this.doc, "B44").juniorFte()).isZero();
			assertThat(this.doc.metadata()).containsEntry("juniorFteTotal", 1815.0)
				.containsEntry("seniorRows", 89)
				.containsEntry("juniorRows", 371);
		}

		@Test
		void shouldAddUnitsOnlyJuniorStaffSitIn() {
			assertThat(this.doc.units()).extracting(Unit::key)
				.containsExactlyInAnyOrder(DFID, "Policy & International", "Corporate Performance", "Country Programmes",
						"DFID", "Finance & Corporate Performance", "TMG", "ICAI");
			assertThat(unit(this.doc, "TMG").parent()).isEqualTo(DFID);
			assertThat(unit(this.doc, "TMG").at().file()).isEqualTo(SEPTEMBER + "-junior.csv");
		}

	}

	@Nested
	class OtherReleases {

		@Test
		void shouldReadShuffledRenamedAndExtraColumnsAsTheSameDocument() throws IOException {
			ImportFile senior = fixture(SEPTEMBER + "-senior.csv");
			ImportFile junior = fixture(SEPTEMBER + "-junior.csv");
			Map<String, String> renames = Map.of("Post Unique Reference", " post unique REFERENCE ",
					"Grade (or equivalent)", "Grade", "Job/Team Function", "Job / Team Function",
					"Reports to Senior Post", "Reports To Senior Post", "Organisation", "ORGANISATION", "Job Title",
					"Job title", "Reporting Senior Post", "Reporting senior post", "Number of Posts in FTE",
					"Number of posts in FTE");
			ImportFile otherSenior = reshape(senior, "other-senior.csv", renames);
			ImportFile otherJunior = reshape(junior, "other-junior.csv", renames);

			OrgDocument original = document(parse(senior, junior));
			ParseResult result = parse(otherJunior, otherSenior);
			OrgDocument other = document(result);

			assertThat(result.problems()).isEmpty();
			assertThat(withoutLocations(other)).isEqualTo(withoutLocations(original));
			assertThat(other.metadata().get("juniorFteTotal")).isEqualTo(1815.0);
			// columns reversed behind a new first column: reference moves from column 1 to 21
			assertThat(position(other, "A1").at()).isEqualTo(Location.of("other-senior.csv", 12, 21));
		}

		@Test
		void shouldCountBlankLinesInTheLinesOfTheRowsAfterThem() {
			ImportFile file = new ImportFile("blank-lines.csv", (SENIOR_HEADER + "\r\n\r\n" //
					+ "B1,Ann,SCS1,Head,,D,D,Team,XX,1\r\n\r\n\r\n" //
					+ "B2,Bob,SCS1,Deputy,,D,D,Team,B1,half\r\n").getBytes(StandardCharsets.UTF_8));

			ParseResult result = parse(file);

			assertThat(document(result).positions()).extracting((position) -> position.at().line())
				.containsExactly(3, 6);
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.BAD_VALUE, 6, 10));
		}

	}

	@Nested
	class Conventions {

		@Test
		void shouldReadVacantUndisclosedEliminatedAndPostZeroAsPublishedConventions() {
			ParseResult result = parse(senior("conventions.csv", //
					"S1,Ann Top,SCS4,Chief,Runs it,Dept of Things,Office of Stuff,Board,XX,1", // 2
					"S2,Vacant,SCS2,Deputy,,Dept of Things,Office of Stuff,Board,S1,", // 3
					"S3,VACANT,SCS2,Deputy,,Dept of Things,Office of Stuff,Board,S1,", // 4
					"S4,,SCS2,Deputy,,Dept of Things,Office of Stuff,Board,S1,", // 5
					"S5,N/D,SCS2,Director,,Dept of Things,Office of Stuff,Board,S1,1", // 6
					"S6,Eliminated,SCS2,Old Director,,Dept of Things,Office of Stuff,Board,S1,1", // 7
					"S7,Bob,SCS1,Under Old,,Dept of Things,Office of Stuff,Board,S6,1", // 8
					"0,Carl,SCS1,Floating,,Dept of Things,Office of Stuff,Board,S1,1", // 9
					"S8,\"\"\"  Dee   Smith \"\"\",SCS1,Quoted,,Dept of Things,Office of Stuff,Board,S1,0.5", // 10
					"S9,Eve,SCS1,Odd FTE,,Dept of Things,Office of Stuff,Board,S1,half", // 11
					"S10,Fay,SCS1,Lost,,Dept of Things,Office of Stuff,Board,,1", // 12
					"S11,Gus,SCS1,Elsewhere,,Dept of Things,Office of Stuff,Board,Z99,1")); // 13
			OrgDocument doc = document(result);

			assertThat(doc.name()).isEqualTo("Office of Stuff");
			assertThat(doc.positions()).extracting(Position::key)
				.containsExactly("S1", "S2", "S3", "S4", "S5", "S7", "S8", "S9", "S10", "S11");
			assertThat(vacant(doc)).containsExactly("S2", "S3");
			// a blank name is a holder who is not named, as N/D is (issue 15)
			assertThat(person(doc, "S4-holder").name()).isEqualTo("Not disclosed");
			assertThat(person(doc, "S5-holder").name()).isEqualTo("Not disclosed");
			assertThat(person(doc, "S8-holder").name()).isEqualTo("Dee Smith");
			assertThat(person(doc, "S8-holder").holds()).singleElement()
				.satisfies((holding) -> assertThat(holding.fte()).isEqualTo(0.5))
				.satisfies((holding) -> assertThat(holding.position()).isEqualTo("S8"));
			assertThat(person(doc, "S9-holder").holds().getFirst().fte()).isEqualTo(1.0);
			assertThat(reportingLines(doc)).containsEntry("S7", null).containsEntry("S11", "Z99");
			assertThat(tops(doc)).containsExactly("S1", "S7", "S10");
			assertThat(position(doc, "S1").duties()).extracting(OrgDocument.Duty::text).containsExactly("Runs it");
			assertThat(position(doc, "S2").duties()).isEmpty();
			assertThat(doc.units()).extracting(Unit::key, Unit::parent, Unit::kind)
				.containsExactly(tuple("Dept of Things", null, "department"),
						tuple("Office of Stuff", "Dept of Things", "organization"),
						tuple("Board", "Office of Stuff", "unit"));
			assertThat(result.problems())
				.extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column, ImportProblem::isError)
				.containsExactly(tuple(ProblemCodes.ELIMINATED_POST, 7, 2, false),
						tuple(ProblemCodes.BAD_VALUE, 9, 1, false), tuple(ProblemCodes.BAD_VALUE, 11, 10, false),
						tuple(ProblemCodes.EMPTY_VALUE, 12, 9, false), tuple(ProblemCodes.ELIMINATED_POST, 8, 9, false));
			assertThat(result.problems().get(3).message()).contains("S10").contains("top post");
			assertThat(result.problems().get(4).message()).contains("S7 reports to S6, which is marked Eliminated on line 7");
		}

		@Test
		void shouldDropOnlyQuotesThatWrapAName() {
			ParseResult result = parse(senior("quotes.csv", //
					"Q1,\"Smith, John \"\"Jack\"\"\",SCS1,Head,,D,D,Team,XX,1", //
					"Q2,\"\"\"}) MATCH (n) DETACH DELETE n //\",SCS1,Deputy,,D,D,Team,Q1,1", //
					"Q3,\"\u201CAnn Lee\u201D\",SCS1,Deputy,,D,D,Team,Q1,1"));

			assertThat(document(result).people()).extracting(Person::name)
				.containsExactly("Smith, John \"Jack\"", "\"}) MATCH (n) DETACH DELETE n //", "Ann Lee");
		}

		@Test
		void shouldMergeJobSharesAndReportRowsThatDisagree() {
			ParseResult result = parse(senior("shares.csv", //
					"J1,Ann,SCS1,Head,,D,D,Team,XX,0.6", // 2
					"J1,Bea,SCS1,Head,,D,D,Team,XX,0.4", // 3
					"J2,Cy,SCS1,Head A,,D,D,Team,J1,1", // 4
					"J2,Di,SCS1,Head B,,D,D,Team,J1,1", // 5
					"J3,Ed,SCS1,Head C,,D,D,Team,J1,1", // 6
					"J3,Ed,SCS1,Head C,,D,D,Team,J1,1")); // 7
			OrgDocument doc = document(result);

			assertThat(doc.positions()).extracting(Position::key, Position::title, Position::headcount)
				.containsExactly(tuple("J1", "Head", 2), tuple("J2", "Head A", 2), tuple("J3", "Head C", 1));
			assertThat(doc.people()).extracting(Person::key, Person::name, (p) -> p.holds().getFirst().fte())
				.containsExactly(tuple("J1-holder", "Ann", 0.6), tuple("J1-holder-2", "Bea", 0.4),
						tuple("J2-holder", "Cy", 1.0), tuple("J2-holder-2", "Di", 1.0), tuple("J3-holder", "Ed", 1.0));
			assertThat(doc.units()).extracting(Unit::key).containsExactly("D", "Team");
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line)
				.containsExactly(tuple(ProblemCodes.DUPLICATE_ROW, 5), tuple(ProblemCodes.DUPLICATE_ROW, 7));
			assertThat(result.problems().get(0).message()).contains("Job Title").doesNotContain("Unit");
			assertThat(result.problems().get(1).message()).contains("repeats line 6 with the same holder Ed");
		}

		@Test
		void shouldCountJuniorStaffOnlyUnderKnownPosts() {
			ParseResult result = parse(senior("s.csv", //
					"S1,Ann,SCS2,Head,,D,D,Team,XX,1", //
					"S2,Bob,SCS1,Deputy,,D,D,Team,S1,1", //
					"S3,Eliminated,SCS1,Gone,,D,D,Team,S1,1"), //
					junior("j.csv", //
							"D,D,Team,S1,EO,Officer,3", // 2
							"D,D,Team,S1,HEO,Officer,2.5", // 3
							"D,D,Annex,S2,EO,Officer,N/D", // 4
							"D,D,Team,S9,EO,Officer,4", // 5
							"D,D,Team,S3,EO,Officer,1.5")); // 6
			OrgDocument doc = document(result);

			assertThat(position(doc, "S1").juniorFte()).isEqualTo(5.5);
			assertThat(position(doc, "S2").juniorFte()).isZero();
			assertThat(unit(doc, "Annex").parent()).isEqualTo("D");
			assertThat(unit(doc, "Annex").at()).isEqualTo(Location.of("j.csv", 4, 3));
			assertThat(doc.metadata()).containsEntry("juniorFteTotal", 11.0)
				.containsEntry("juniorFteUnassigned", 5.5)
				.containsEntry("juniorRows", 5);
			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::line,
					ImportProblem::column)
				.containsExactly(tuple("s.csv", ProblemCodes.ELIMINATED_POST, 4, 2),
						tuple("j.csv", ProblemCodes.BAD_VALUE, 4, 7), tuple("j.csv", ProblemCodes.UNKNOWN_POSITION, 5, 4),
						tuple("j.csv", ProblemCodes.UNKNOWN_POSITION, 6, 4));
			assertThat(result.problems().get(3).message()).contains("eliminated");
		}

	}

	@Nested
	class BadInput {

		@Test
		void shouldRequireASeniorFile() {
			ParseResult result = parse(fixture(MARCH + "-junior.csv"));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo(ProblemCodes.MISSING_FILE))
				.satisfies((problem) -> assertThat(problem.isError()).isTrue());
		}

		@Test
		void shouldRejectASecondSeniorFile() {
			ParseResult result = parse(fixture(MARCH + "-senior.csv"), fixture(SEPTEMBER + "-senior.csv"));

			assertThat(result.hasErrors()).isTrue();
			assertThat(result.problems()).filteredOn(ImportProblem::isError)
				.extracting(ImportProblem::file, ImportProblem::code)
				.containsExactly(tuple(SEPTEMBER + "-senior.csv", ProblemCodes.MISSING_FILE));
		}

		@Test
		void shouldRejectWindows1252WithTheLineAndColumnOfTheFirstBadByte() throws IOException {
			ImportFile real = fixture(MARCH + "-senior.csv");
			String text = new String(real.content(), StandardCharsets.UTF_8);
			ImportFile latin = new ImportFile("latin.csv", text.getBytes(Charset.forName("windows-1252")));

			ParseResult result = parse(latin);

			int pound = text.substring(0, text.indexOf('\n')).indexOf('£') + 1;
			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.BAD_ENCODING, 1, pound));
		}

		@Test
		void shouldNotReadWindows1252AccentsAsChinese() {
			// "é" followed by a letter is a valid GBK pair, so the shared decoder would accept it as GB18030
			String csv = SENIOR_HEADER + "\r\nS1,Renée Dupont,SCS1,Head,,D,D,Team,XX,1\r\n";
			ParseResult result = parse(new ImportFile("accents.csv", csv.getBytes(Charset.forName("windows-1252"))));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.BAD_ENCODING, 2, 7));
		}

		@Test
		void shouldRejectAFileThatIsNeitherSeniorNorJuniorNamingWhatItLacks() {
			ParseResult result = parse(fixture(MARCH + "-senior.csv"),
					new ImportFile("staff.csv", "Name,Email\r\nAnn,ann@example.org\r\n".getBytes(StandardCharsets.UTF_8)));

			assertThat(result.hasErrors()).isTrue();
			assertThat(result.problems()).filteredOn(ImportProblem::isError).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo(ProblemCodes.MISSING_COLUMN);
				assertThat(problem.file()).isEqualTo("staff.csv");
				assertThat(problem.line()).isEqualTo(1);
				assertThat(problem.message()).contains("\"Post Unique Reference\"", "\"Reports to Senior Post\"",
						"\"Reporting Senior Post\"", "\"Number of Posts in FTE\"");
			});
		}

		@Test
		void shouldNameRequiredColumnsASeniorFileLacks() {
			ParseResult result = parse(new ImportFile("thin.csv",
					"Post Unique Reference,Reports to Senior Post,Name\r\nS1,XX,Ann\r\n".getBytes(StandardCharsets.UTF_8)));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo(ProblemCodes.MISSING_COLUMN);
				assertThat(problem.message()).contains("\"Job Title\"", "\"Unit\"", "\"Organisation\"")
					.doesNotContain("\"Name\"");
			});
		}

		@Test
		void shouldReportAnUnclosedQuoteWithTheLineItStartsOn() {
			ParseResult result = parse(senior("broken.csv", //
					"S1,Ann,SCS2,Head,,D,D,Team,XX,1", //
					"S2,\"Bob,SCS1,Deputy,,D,D,Team,S1,1"));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line)
				.containsExactly(tuple(ProblemCodes.MALFORMED_CSV, 3));
		}

		@Test
		void shouldRejectASeniorFileWithoutPosts() {
			ParseResult result = parse(senior("empty.csv"));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code).containsExactly(ProblemCodes.HEADER_ONLY);
		}

	}

	/**
	 * A release written in the published format (DFID's header) with what other departments'
	 * releases contain: blank and withheld names, an eliminated reference that is also held,
	 * lines to an eliminated post, placeholder functions, quotes and list artefacts (issue 15).
	 */
	@Nested
	class PublishingGuidance {

		private static final String RELEASE = "published-conventions/department_for_examples-2024-03-31";

		private final ParseResult result = parse(fixture(RELEASE + "-senior.csv"), fixture(RELEASE + "-junior.csv"));

		private final OrgDocument doc = document(this.result);

		@Test
		void shouldReadBlankAndWithheldNamesAsFilledPostsAndOnlyVacantAsVacant() {
			assertThat(vacant(this.doc)).containsExactly("D1", "DD4");
			assertThat(this.doc.people()).filteredOn((p) -> p.name().equals(UkOrganogramParser.NOT_DISCLOSED))
				.extracting((p) -> p.holds().getFirst().position())
				.containsExactly("DG1", "DG2", "D2", "DD2", "DD5");
			assertThat(person(this.doc, "DD2-holder").holds().getFirst().fte()).isEqualTo(0.6);
			assertThat(person(this.doc, "DD3-holder").name()).isEqualTo("Lee, Kim");
		}

		@Test
		void shouldLoadAHeldReferenceAlsoMarkedEliminatedFromItsLiveRowAndSaySo() {
			assertThat(this.doc.positions()).extracting(Position::key)
				.containsExactly("PS1", "DG1", "DG2", "D1", "D2", "D3", "DD1", "DD2", "DD3", "DD4", "DD5");
			assertThat(position(this.doc, "D3").headcount()).isEqualTo(1);
			assertThat(person(this.doc, "D3-holder").name()).isEqualTo("Sam Keeper");
			assertThat(position(this.doc, "D3").duties()).extracting(OrgDocument.Duty::text)
				.containsExactly("Runs the programmes directorate");
			assertThat(this.result.problems()).filteredOn((p) -> p.code().equals(ProblemCodes.DUPLICATE_ROW))
				.singleElement()
				.satisfies((p) -> assertThat(p.line()).isEqualTo(7))
				.satisfies((p) -> assertThat(p.message()).contains("D3", "Eliminated on line 7", "live post on line 8",
						"Eliminated row ignored"));
		}

		@Test
		void shouldExplainALineToAnEliminatedPostInsteadOfLeavingAnUnexplainedTop() {
			assertThat(tops(this.doc)).containsExactly("PS1", "DD1");
			assertThat(this.result.problems()).filteredOn((p) -> p.code().equals(ProblemCodes.ELIMINATED_POST))
				.extracting(ImportProblem::line, ImportProblem::message)
				.containsExactly(tuple(9, "post D4 on line 9 is marked Eliminated (gone since the last release); not loaded"),
						tuple(10, "post DD1 reports to D4, which is marked Eliminated on line 9; loaded as a top post without a reporting line"));
			assertThat(this.doc.metadata()).containsEntry("linesToEliminatedPosts", Map.of("DD1", "D4"));
		}

		@Test
		void shouldCleanWrappingQuotesAndListArtefactsOutOfTexts() {
			assertThat(position(this.doc, "D1").duties()).extracting(OrgDocument.Duty::text)
				.containsExactly("Sets the departmental strategy");
			assertThat(position(this.doc, "DG2").duties()).extracting(OrgDocument.Duty::text)
				.containsExactly("Runs operations; Runs the estate");
		}

		@Test
		void shouldNameTheRevisionAfterTheDateTheDataDescribes() {
			assertThat(this.doc.metadata()).containsEntry("asOf", "2024-03-31").containsEntry("asOfFrom", "file name");
		}

		@Test
		void shouldCountJuniorStaffUnderLivePostsAndTheRestUnderNone() {
			assertThat(position(this.doc, "DG1").juniorFte()).isEqualTo(12.5);
			assertThat(position(this.doc, "D3").juniorFte()).isEqualTo(20.0);
			assertThat(this.doc.metadata()).containsEntry("juniorFteTotal", 47.5).containsEntry("juniorFteUnassigned", 5.0);
		}

	}

	@Nested
	class DataDates {

		@Test
		void shouldPreferADateColumnToTheFileName() {
			ParseResult result = parse(csv("release-2020-01-01-senior.csv", SENIOR_HEADER + ",As at date",
					"S1,Ann,SCS2,Head,,D,D,Team,XX,1,30/09/2021"));
			assertThat(document(result).metadata()).containsEntry("asOf", "2021-09-30").containsEntry("asOfFrom", "column");
		}

		@Test
		void shouldLeaveTheDateOutWhenNothingStatesOne() {
			ParseResult result = parse(senior("senior.csv", "S1,Ann,SCS2,Head,,D,D,Team,XX,1"));
			assertThat(document(result).metadata()).doesNotContainKey("asOf");
			assertThat(UkOrganogramParser.DataDate.parse("2013-02-30")).isNull();
			assertThat(UkOrganogramParser.DataDate.parse("31/03/2013")).isEqualTo("2013-03-31");
		}

	}

	private static final String SENIOR_HEADER = "Post Unique Reference,Name,Grade (or equivalent),Job Title,"
			+ "Job/Team Function,Parent Department,Organisation,Unit,Reports to Senior Post,FTE";

	private static final String JUNIOR_HEADER = "Parent Department,Organisation,Unit,Reporting Senior Post,Grade,"
			+ "Generic Job Title,Number of Posts in FTE";

	private ParseResult parse(ImportFile... files) {
		return this.parser.parse("dfid", List.of(files));
	}

	private static OrgDocument document(ParseResult result) {
		assertThat(result.hasErrors()).as("errors: %s", result.problems()).isFalse();
		assertThat(result.document()).isNotNull();
		return result.document();
	}

	private static ImportFile fixture(String name) {
		try (InputStream in = UkOrganogramParserTests.class.getResourceAsStream("/uk-organograms/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new ImportFile(name, in.readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ImportFile senior(String name, String... rows) {
		return csv(name, SENIOR_HEADER, rows);
	}

	private static ImportFile junior(String name, String... rows) {
		return csv(name, JUNIOR_HEADER, rows);
	}

	private static ImportFile csv(String name, String header, String... rows) {
		StringBuilder text = new StringBuilder(header).append("\r\n");
		for (String row : rows) {
			text.append(row).append("\r\n");
		}
		return new ImportFile(name, text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The same data as another release might publish it: columns renamed, reversed, one added in front. */
	private static ImportFile reshape(ImportFile file, String name, Map<String, String> renames) throws IOException {
		List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(new String(file.content(), StandardCharsets.UTF_8)))
			.getRecords();
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = CSVFormat.DEFAULT.print(out)) {
			for (int r = 0; r < records.size(); r++) {
				List<String> cells = new ArrayList<>(records.get(r).toList());
				if (r == 0) {
					cells.replaceAll((cell) -> renames.getOrDefault(cell, cell));
				}
				List<String> reversed = new ArrayList<>(cells.reversed());
				reversed.addFirst((r == 0) ? "Department Code" : "DFID");
				printer.printRecord(reversed);
			}
		}
		return new ImportFile(name, out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Everything but where items were read and which files they came in. */
	private static List<String> withoutLocations(OrgDocument doc) {
		List<String> lines = new ArrayList<>();
		lines.add(doc.key() + "|" + doc.name());
		doc.units().forEach((u) -> lines.add("unit|%s|%s|%s|%s".formatted(u.key(), u.name(), u.parent(), u.kind())));
		doc.positions()
			.forEach((p) -> lines.add("position|%s|%s|%s|%s|%s|%s|%s|%s".formatted(p.key(), p.title(), p.unit(),
					p.reportsTo(), p.headcount(), p.grade(),
					p.duties().stream().map((d) -> d.key() + "=" + d.text()).toList(), p.juniorFte())));
		doc.people()
			.forEach((p) -> lines.add("person|%s|%s|%s".formatted(p.key(), p.name(),
					p.holds().stream().map((h) -> h.position() + "@" + h.fte()).toList())));
		doc.metadata()
			.entrySet()
			.stream()
			// the file names, and the date read off them, are where the data came from
			.filter((e) -> !Set.of("files", "asOf", "asOfFrom").contains(e.getKey()))
			// Map.copyOf has no order of its own
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> lines.add("meta|" + e.getKey() + "=" + e.getValue()));
		return lines;
	}

	private static Position position(OrgDocument doc, String key) {
		return doc.positions().stream().filter((p) -> p.key().equals(key)).findFirst().orElseThrow();
	}

	private static Person person(OrgDocument doc, String key) {
		return doc.people().stream().filter((p) -> p.key().equals(key)).findFirst().orElseThrow();
	}

	private static Unit unit(OrgDocument doc, String key) {
		return doc.units().stream().filter((u) -> u.key().equals(key)).findFirst().orElseThrow();
	}

	private static List<String> tops(OrgDocument doc) {
		return doc.positions().stream().filter((p) -> p.reportsTo() == null).map(Position::key).toList();
	}

	private static List<String> vacant(OrgDocument doc) {
		Set<String> held = doc.people()
			.stream()
			.flatMap((p) -> p.holds().stream())
			.map(OrgDocument.Holding::position)
			.collect(Collectors.toSet());
		return doc.positions().stream().map(Position::key).filter((key) -> !held.contains(key)).toList();
	}

	private static Map<String, String> reportingLines(OrgDocument doc) {
		Map<String, String> lines = new HashMap<>();
		doc.positions().forEach((p) -> lines.put(p.key(), p.reportsTo()));
		return lines;
	}

}
