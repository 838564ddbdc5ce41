package org.orgraph.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.orgraph.importing.ImportProblem.Severity;
import org.orgraph.importing.OrgDocument.Duty;
import org.orgraph.importing.OrgDocument.Holding;
import org.orgraph.importing.OrgDocument.Location;
import org.orgraph.importing.OrgDocument.Person;
import org.orgraph.importing.OrgDocument.Position;
import org.orgraph.importing.OrgDocument.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class CsvBundleParserTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final CsvBundleParser parser = new CsvBundleParser();

	/** The reporting lines of the 10-person English export, position to the position it reports to. */
	private static final Map<String, String> EXPORT_REPORTING_LINES = Map.of("P-E002", "P-E001", "P-E003", "P-E001",
			"P-E004", "P-E002", "P-E005", "P-E004", "P-E006", "P-E003", "P-E007", "P-E006", "P-E008", "P-E006",
			"P-E009", "P-E003", "P-E010", "P-E001");

	@Test
	void shouldNameItsFormat() {
		assertThat(this.parser.format()).isEqualTo("csv-bundle");
	}

	@Nested
	class PeopleWithManagerIds {

		@Test
		void shouldTurnManagerIdsIntoReportingLinesBetweenPositions() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")));

			assertThat(result.problems()).isEmpty();
			OrgDocument document = result.document();
			assertThat(document.key()).isEqualTo("acme");
			assertThat(document.name()).isEqualTo("acme");
			assertThat(reportingLines(document)).containsExactlyInAnyOrderEntriesOf(EXPORT_REPORTING_LINES);
			assertThat(tops(document)).containsExactly("P-E001");
			assertThat(document.people()).hasSize(10);
			assertThat(document.positions()).hasSize(10);
		}

		@Test
		void shouldCreateTopLevelUnitsFromDepartmentNames() {
			OrgDocument document = parse("acme", file("people.csv", fixture("hr-export-en/people.csv"))).document();

			assertThat(document.units()).extracting(Unit::key, Unit::name, Unit::parent)
				.containsExactly(tuple("Finance", "Finance", null), tuple("Executive", "Executive", null),
						tuple("Operations", "Operations", null));
			// a unit made from a department is located at the first cell naming it
			assertThat(document.units().getFirst().at()).isEqualTo(Location.of("people.csv", 2, 4));
			assertThat(byKey(document.positions(), Position::key).get("P-E009")).satisfies((position) -> {
				assertThat(position.title()).isEqualTo("Analyst, Data");
				assertThat(position.unit()).isEqualTo("Operations");
				assertThat(position.grade()).isEqualTo("HEO");
				assertThat(position.headcount()).isNull();
			});
		}

		@Test
		void shouldLocateEveryItemAtItsRowAndReferencingCell() {
			OrgDocument document = parse("acme", file("people.csv", fixture("hr-export-en/people.csv"))).document();

			Map<String, Person> people = byKey(document.people(), Person::key);
			Map<String, Position> positions = byKey(document.positions(), Position::key);
			assertThat(people.get("E005").at()).isEqualTo(Location.of("people.csv", 2, 1));
			assertThat(people.get("E010").at()).isEqualTo(Location.of("people.csv", 11, 1));
			// a position is located at its manager cell, where a bad reporting line comes from
			assertThat(positions.get("P-E005").at()).isEqualTo(Location.of("people.csv", 2, 5));
			// the top has no manager cell, so its row's id cell
			assertThat(positions.get("P-E001").at()).isEqualTo(Location.of("people.csv", 3, 1));
		}

		@Test
		void shouldReadFteAndActing() {
			OrgDocument document = parse("acme", file("people.csv", fixture("hr-export-en/people.csv"))).document();

			Map<String, Person> people = byKey(document.people(), Person::key);
			assertThat(people.get("E005").holds()).extracting(Holding::position, Holding::fte, Holding::acting)
				.containsExactly(tuple("P-E005", 0.5, false));
			assertThat(people.get("E006").holds()).extracting(Holding::position, Holding::fte, Holding::acting)
				.containsExactly(tuple("P-E006", 1.0, true));
			assertThat(people.get("E008").holds().getFirst().fte()).isEqualTo(0.8);
			assertThat(people.get("E001").name()).isEqualTo("Alice Chen");
		}

		@Test
		void shouldRecordFormatFilesAndEncodingsAsMetadata() {
			OrgDocument document = parse("acme", file("exports/2024/People.CSV", fixture("hr-export-en/people.csv")))
				.document();

			assertThat(document.metadata()).containsEntry("format", "csv-bundle")
				.containsEntry("files", List.of("exports/2024/People.CSV"))
				.containsEntry("encodings", Map.of("exports/2024/People.CSV", "UTF-8"));
			assertThat(document.people().getFirst().at().file()).isEqualTo("exports/2024/People.CSV");
		}

		@Test
		void shouldLeaveSelfReportsAndUnknownManagersToTheValidator() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,Chair,Board,E1
					E2,Bob,Clerk,Board,E99
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(reportingLines(result.document())).containsOnly(entry("P-E1", "P-E1"), entry("P-E2", "P-E99"));
			assertThat(byKey(result.document().positions(), Position::key).get("P-E2").at())
				.isEqualTo(Location.of("people.csv", 3, 5));
		}

		@Test
		void shouldMakeAVacantPostOfARowWithAPositionIdButNoName() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id,position_id
					E1,Ann,Head of Service,Service,,PA-HEAD
					E2,Bob,Agent,Service,E1,PA-AGENT
					E3,Cid,Agent,Service,E1,PA-AGENT
					,,Agent,Service,E1,PA-AGENT
					,,Trainer,Service,E1,PA-TRAIN
					"""));

			assertThat(result.problems()).isEmpty();
			OrgDocument document = result.document();
			assertThat(document.positions()).extracting(Position::key, Position::title, Position::reportsTo,
					Position::headcount)
				.containsExactly(tuple("PA-HEAD", "Head of Service", null, null),
						tuple("PA-AGENT", "Agent", "PA-HEAD", 3), tuple("PA-TRAIN", "Trainer", "PA-HEAD", null));
			assertThat(document.people()).extracting(Person::key).containsExactly("E1", "E2", "E3");
			assertThat(document.people()).flatExtracting(Person::holds)
				.extracting(Holding::position, Holding::at)
				.containsExactly(tuple("PA-HEAD", Location.of("people.csv", 2, 6)),
						tuple("PA-AGENT", Location.of("people.csv", 3, 6)),
						tuple("PA-AGENT", Location.of("people.csv", 4, 6)));
		}

		@Test
		void shouldGiveOneEmployeeOnTwoRowsBothPosts() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id,position_id,fte,acting
					E1,Ann,Director,HQ,,DIR,1,0
					E2,Bob,Finance Manager,Finance,E1,FIN,0.6,0
					E2,Bob,Audit Manager,Audit,E1,AUD,40%,1
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().people()).hasSize(2);
			assertThat(byKey(result.document().people(), Person::key).get("E2").holds())
				.extracting(Holding::position, Holding::fte, Holding::acting)
				.containsExactly(tuple("FIN", 0.6, false), tuple("AUD", 0.4, true));
		}

		@Test
		void shouldKeepClashingRowsOfOneIdForTheValidatorToReport() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,Director,HQ,
					E1,Anne,Deputy,HQ,E1
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().people()).extracting(Person::key, Person::name)
				.containsExactly(tuple("E1", "Ann"), tuple("E1", "Anne"));
			assertThat(result.document().positions()).extracting(Position::key).containsExactly("P-E1", "P-E1");
		}

		@Test
		void shouldReadOnceARowRepeatedVerbatim() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,Director,HQ,
					E2,Bob,Clerk,HQ,E1
					E2 , Bob,Clerk,HQ,E1
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.DUPLICATE_ROW, 4, Severity.WARNING));
			assertThat(result.problems().getFirst().message()).contains("line 3");
			assertThat(result.document().people()).hasSize(2);
		}

		@Test
		void shouldSkipAHeaderRepeatedByAPagedExport() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,Director,HQ,
					employee_id,name,title,department,manager_id
					E2,Bob,Clerk,HQ,E1
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.DUPLICATE_ROW, 3, Severity.WARNING));
			assertThat(result.document().people()).extracting(Person::key).containsExactly("E1", "E2");
		}

		@Test
		void shouldTrimCellsAndUnwrapExcelTextFormulas() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					="00123",  Ann\u3000,Director ,\u00A0HQ,
					="00124",Bob,Clerk,HQ,00123
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().people()).extracting(Person::key, Person::name)
				.containsExactly(tuple("00123", "Ann"), tuple("00124", "Bob"));
			assertThat(reportingLines(result.document())).containsOnly(entry("P-00124", "P-00123"));
			assertThat(result.document().units()).extracting(Unit::key).containsExactly("HQ");
		}

		@Test
		void shouldMatchHeadersWhateverTheirCaseSpacingOrRequiredMarker() {
			ParseResult result = parse("acme", people("""
					*EMPLOYEE-ID,*Full Name,JobTitle,DEPT,reports to
					E1,Ann,Director,HQ,
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().positions()).extracting(Position::title, Position::unit)
				.containsExactly(tuple("Director", "HQ"));
		}

		@Test
		void shouldReadSemicolonSeparatedExports() {
			ParseResult result = parse("acme", people("""
					employee_id;name;title;department;manager_id
					E1;Ann;Director;HQ;
					E2;"Bob; Jr";Clerk;HQ;E1
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().people()).extracting(Person::name).containsExactly("Ann", "Bob; Jr");
		}

		@Test
		void shouldSkipBlankLinesAndRowsOfEmptyCellsButCountThem() {
			ParseResult result = parse("acme", people("""

					employee_id,name,title,department,manager_id
					E1,Ann,Director,HQ,

					,,,,
					E2,Bob,Clerk,HQ,E1
					"""));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().people()).extracting(Person::key, (person) -> person.at().line())
				.containsExactly(tuple("E1", 3), tuple("E2", 6));
		}

		@Test
		void shouldUseTheOrganisationNameFromOrgCsv() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("org.csv", "name,key\nAcme Holdings Ltd,acme\n"));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().name()).isEqualTo("Acme Holdings Ltd");
			assertThat(result.document().metadata()).containsEntry("files", List.of("people.csv", "org.csv"));
		}

		@Test
		void shouldReadASemicolonOrTabInAOneColumnOrgCsvAsText() {
			// only the header line tells the separator; this one has none, so it is a comma
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("org.csv", "name\nAcme; Holdings\tLtd\n"));

			assertThat(result.problems()).isEmpty();
			assertThat(result.document().name()).isEqualTo("Acme; Holdings\tLtd");
		}

		@Test
		void shouldRejectAnOrgCsvForAnotherOrganisation() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("org.csv", "name,key\nOther Ltd,other\n"));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.ORG_KEY_MISMATCH, 2, 2));
			assertThat(result.hasErrors()).isTrue();
		}

	}

	@Nested
	class Encodings {

		private final String chinese = new String(fixture("hr-export-zh/people.csv"), StandardCharsets.UTF_8);

		@Test
		void shouldReadGb18030AndUtf8WithBomAsTheSameDocument() {
			ParseResult gb = parse("acme", file("people.csv", this.chinese.getBytes(GB18030)));
			ParseResult bom = parse("acme", file("people.csv", concat(UTF8_BOM, this.chinese.getBytes(StandardCharsets.UTF_8))));

			assertThat(gb.problems()).isEmpty();
			assertThat(bom.problems()).isEmpty();
			assertThat(gb.document().units()).isEqualTo(bom.document().units());
			assertThat(gb.document().positions()).isEqualTo(bom.document().positions());
			assertThat(gb.document().people()).isEqualTo(bom.document().people());
			assertThat(gb.document().metadata()).containsEntry("encodings", Map.of("people.csv", "GB18030"));
			assertThat(bom.document().metadata()).containsEntry("encodings", Map.of("people.csv", "UTF-8"));
		}

		@Test
		void shouldReadChineseHeadersAndTextIntoTheSameStructureAsTheEnglishExport() {
			OrgDocument chinese = parse("acme", file("people.csv", this.chinese.getBytes(GB18030))).document();
			OrgDocument english = parse("acme", file("people.csv", fixture("hr-export-en/people.csv"))).document();

			assertThat(reportingLines(chinese)).containsExactlyInAnyOrderEntriesOf(EXPORT_REPORTING_LINES);
			assertThat(chinese.units()).extracting(Unit::key).containsExactly("财务部", "总经理办公室", "运营管理部");
			assertThat(chinese.positions()).extracting(Position::at)
				.containsExactlyElementsOf(english.positions().stream().map(Position::at).toList());
			Map<String, Person> people = byKey(chinese.people(), Person::key);
			assertThat(people.get("E001").name()).isEqualTo("陈爱丽");
			assertThat(people.get("E006").holds().getFirst().acting()).isTrue();
			assertThat(people.get("E005").holds().getFirst().acting()).isFalse();
			assertThat(byKey(chinese.positions(), Position::key).get("P-E009").title()).isEqualTo("数据分析师,运营");
		}

		@Test
		void shouldRejectABrokenByteInUtf8ChineseTextAtItsLine() {
			byte[] good = this.chinese.getBytes(StandardCharsets.UTF_8);
			// break line 4 right after "E002," with a byte neither UTF-8 nor GB18030 can start with
			int line4 = indexOfLine(good, 4);
			byte[] broken = concat(Arrays.copyOfRange(good, 0, line4 + 5), new byte[] { (byte) 0xFF },
					Arrays.copyOfRange(good, line4 + 5, good.length));

			ParseResult result = parse("acme", file("people.csv", broken));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::line,
					ImportProblem::column, ImportProblem::severity)
				.containsExactly(tuple("people.csv", ProblemCodes.BAD_ENCODING, 4, 6, Severity.ERROR));
			assertThat(result.problems().getFirst().message()).contains("0xFF");
		}

	}

	@Nested
	class Shape {

		@Test
		void shouldReportARaggedRowAtItsPhysicalLineAfterAMultiLineCell() {
			String csv = """
					employee_id,name,title,department,manager_id
					E1,Ann,CEO,Board,
					E2,Bob,"Head of
					Operations",Ops,E1
					E3,Cid,Clerk,Ops,E2,extra
					E4,Dee,Clerk,Ops,E2
					""";

			ParseResult result = parse("acme", people(csv));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column,
					ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.RAGGED_ROW, 5, 6, Severity.ERROR));
			assertThat(result.document().people()).extracting(Person::key, (person) -> person.at().line())
				.containsExactly(tuple("E1", 2), tuple("E2", 3), tuple("E4", 6));
			assertThat(byKey(result.document().positions(), Position::key).get("P-E2").title())
				.isEqualTo("Head of\nOperations");
		}

		@Test
		void shouldCountWindowsAndOldMacLineBreaksAlike() {
			String csv = "employee_id,name,title,department,manager_id\n" + "E1,Ann,CEO,Board,\n"
					+ "E2,Bob,\"Head of\nOperations\",Ops,E1\n" + "E3,Cid,Clerk,Ops\n" + "E4,Dee,Clerk,Ops,E2\n";

			for (String lineBreak : List.of("\r\n", "\r")) {
				ParseResult result = parse("acme", people(csv.replace("\n", lineBreak)));

				assertThat(result.problems()).as(lineBreak.replace("\r", "CR").replace("\n", "LF"))
					.extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
					.containsExactly(tuple(ProblemCodes.RAGGED_ROW, 5, 4));
				assertThat(result.document().people().getLast().at().line()).isEqualTo(6);
			}
		}

		@Test
		void shouldRejectAnEmptyFile() {
			ParseResult result = parse("acme", people(""));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.EMPTY_FILE, Severity.ERROR));
		}

		@Test
		void shouldRejectAPeopleFileWithOnlyAHeader() {
			ParseResult result = parse("acme", people("employee_id,name,title,department,manager_id\r\n\r\n"));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.HEADER_ONLY, 1, Severity.ERROR));
		}

		@Test
		void shouldOnlyWarnOfAnOptionalFileWithOnlyAHeader() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("duties.csv", "holder_kind,holder,text\n"));

			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::severity)
				.containsExactly(tuple("duties.csv", ProblemCodes.HEADER_ONLY, Severity.WARNING));
			assertThat(result.document().people()).hasSize(10);
		}

		@Test
		void shouldRejectAMissingColumnNamingWhatItAccepts() {
			ParseResult result = parse("acme", people("""
					工号,姓名,职位,部门
					E1,Ann,CEO,Board
					"""));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.MISSING_COLUMN, 1, 0));
			assertThat(result.problems().getFirst().message()).contains("manager_id").contains("上级工号");
		}

		@Test
		void shouldWarnOnceOfUnknownColumns() {
			ParseResult result = parse("acme", people("""
					employee_id,name,hire_date,title,department,manager_id,notes
					E1,Ann,2020-01-01,CEO,Board,,founder
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column,
					ImportProblem::severity)
				.containsExactly(tuple(ProblemCodes.UNKNOWN_FIELD, 1, 3, Severity.WARNING));
			assertThat(result.problems().getFirst().message()).contains("'hire_date'").contains("'notes'");
			assertThat(result.document().positions().getFirst().title()).isEqualTo("CEO");
		}

		@Test
		void shouldReadTheFirstOfTwoColumnsMeaningTheSameAndWarnOfTheOther() {
			ParseResult result = parse("acme", people("""
					工号,姓名,职位,岗位,部门,上级工号
					E1,王芳,总经理,总经理岗,总经理办公室,
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.UNKNOWN_FIELD, 4));
			assertThat(result.problems().getFirst().message()).contains("'岗位' (column 3 already gives title)");
			assertThat(result.document().positions().getFirst().title()).isEqualTo("总经理");
		}

		@Test
		void shouldRejectNumbersThatAreNotNumbersAtTheirCell() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id,fte,acting
					E1,Ann,CEO,Board,,1,no
					E2,Bob,Clerk,Board,E1,half,maybe
					E3,Cid,Clerk,Board,E1,1.5,0
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.BAD_VALUE, 3, 6), tuple(ProblemCodes.BAD_VALUE, 3, 7),
						tuple(ProblemCodes.BAD_VALUE, 4, 6));
			assertThat(result.problems().getFirst().message()).contains("half");
			assertThat(result.hasErrors()).isTrue();
		}

		@Test
		void shouldRejectHeadcountsThatAreNotWholeNumbers() {
			ParseResult result = parse("acme", file("units.csv", """
					key,name,parent,planned_headcount
					HQ,Head office,,12
					OPS,Operations,HQ,about ten
					"""), file("positions.csv", """
					key,title,unit,headcount
					CEO,Chief Executive,HQ,1
					AGT,Agent,OPS,2.5
					CLK,Clerk,OPS,3.0
					"""));

			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::line,
					ImportProblem::column)
				.containsExactly(tuple("units.csv", ProblemCodes.BAD_VALUE, 3, 4),
						tuple("positions.csv", ProblemCodes.BAD_VALUE, 3, 4));
			assertThat(result.document().positions()).extracting(Position::key, Position::headcount)
				.containsExactly(tuple("CEO", 1), tuple("AGT", null), tuple("CLK", 3));
		}

		@Test
		void shouldRejectARowWithoutAnEmployeeIdOrName() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,CEO,Board,
					 ,Bob,Clerk,Board,E1
					E3,,Clerk,Board,E1
					E4,Dee,Clerk,,E1
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.MISSING_FIELD, 3, 1), tuple(ProblemCodes.MISSING_FIELD, 4, 2),
						tuple(ProblemCodes.MISSING_FIELD, 5, 4));
			assertThat(result.document().people()).extracting(Person::key).containsExactly("E1", "E4");
		}

		@Test
		void shouldPointAtAQuoteThatIsNeverClosed() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,Ann,CEO,Board,
					E2,"Bob,Clerk,Board,E1
					E3,Cid,Clerk,Board,E1
					"""));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.MALFORMED_CSV, 3, 2));
			assertThat(result.problems().getFirst().message()).contains("never closed");
		}

		@Test
		void shouldPointAtTextAfterAClosingQuote() {
			ParseResult result = parse("acme", people("""
					employee_id,name,title,department,manager_id
					E1,"Ann
					Lee",CEO,Board,
					E2,Bob,"Clerk" (temp),Board,E1
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.MALFORMED_CSV, 4, 3));
		}

	}

	@Nested
	class Bundle {

		@Test
		void shouldReadUnitsPositionsPeopleAndDutiesInChinese() {
			ParseResult result = hotel();

			assertThat(result.problems()).isEmpty();
			OrgDocument document = result.document();
			assertThat(document.name()).isEqualTo("酒店运营管理有限公司");
			// a parent written as a unit name becomes that unit's key
			assertThat(document.units()).extracting(Unit::key, Unit::name, Unit::parent, Unit::kind,
					Unit::plannedHeadcount)
				.containsExactly(tuple("HQ", "酒店运营管理中心", null, "中心", null), tuple("GMO", "总经理办公室", "HQ", "办公室", 3),
						tuple("STR", "酒店战略规划部", "GMO", "部门", 4), tuple("OPS", "运营管理部", "GMO", "部门", 6),
						tuple("FIN", "财务部", "GMO", "部门", 5), tuple("MKT", "营销部", "HQ", "部门", 8));
			assertThat(document.positions())
				.extracting(Position::key, Position::unit, Position::reportsTo, Position::headcount, Position::grade,
						Position::concurrentWith)
				.containsExactly(tuple("GM", "GMO", null, 1, "M1", null), tuple("DGM", "GMO", "GM", 1, "M2", null),
						tuple("STR-H", "STR", "GM", 1, "M3", null), tuple("OPS-H", "OPS", "DGM", 1, "M3", null),
						tuple("FIN-H", "FIN", "DGM", 1, "M3", null), tuple("FIN-A", "FIN", "FIN-H", 2, "P2", null),
						tuple("MKT-H", "MKT", "GM", 1, "M3", "DGM"));
		}

		@Test
		void shouldGiveAConcurrentHolderBothPostsAndLeaveAVacantPostEmpty() {
			OrgDocument document = hotel().document();

			assertThat(document.people()).extracting(Person::key, Person::name)
				.containsExactly(tuple("1001", "王芳"), tuple("1002", "李强"), tuple("1003", "张伟"), tuple("1004", "刘洋"),
						tuple("1005", "陈静"));
			assertThat(byKey(document.people(), Person::key).get("1002").holds())
				.extracting(Holding::position, Holding::fte, Holding::acting, Holding::at)
				.containsExactly(tuple("DGM", 1.0, false, Location.of("people.csv", 3, 3)),
						tuple("MKT-H", 0.5, true, Location.of("people.csv", 4, 3)));
			assertThat(document.people()).flatExtracting(Person::holds)
				.extracting(Holding::position)
				.doesNotContain("STR-H");
		}

		@Test
		void shouldAttachDutiesToTheirUnitsAndPositions() {
			OrgDocument document = hotel().document();

			Map<String, Unit> units = byKey(document.units(), Unit::key);
			Map<String, Position> positions = byKey(document.positions(), Position::key);
			assertThat(units.get("GMO").duties()).extracting(Duty::key, Duty::text, Duty::at)
				.containsExactly(tuple("D-01", "制定酒店的运营规划和目标", Location.of("duties.csv", 2, 4)),
						tuple("D-02", "监督各部门的运营工作,确保酒店的高效运营", Location.of("duties.csv", 3, 4)));
			assertThat(positions.get("GM").duties()).extracting(Duty::key).containsExactly("D-03");
			assertThat(units.get("STR").duties()).extracting(Duty::key, Duty::text, Duty::at)
				.containsExactly(tuple(null, "分析市场趋势,确定酒店的发展方向", Location.of("duties.csv", 5, 3)));
			assertThat(positions.get("OPS-H").duties()).extracting(Duty::text, Duty::at)
				.containsExactly(tuple("指导各部门的运营工作,确保酒店的高效运营;\n协调各部门之间的协作,确保各项工作的顺利进行",
						Location.of("duties.csv", 6, 3)));
			// lines after the two-line duty keep their physical line numbers
			assertThat(positions.get("FIN-H").duties().getFirst().at()).isEqualTo(Location.of("duties.csv", 8, 3));
			// a duty given to an employee goes to the post they hold
			assertThat(positions.get("FIN-A").duties()).extracting(Duty::text)
				.containsExactly("编制酒店的财务预算和预测", "监督酒店的成本控制,提出节约方案");
			assertThat(units.get("MKT").duties()).extracting(Duty::text, Duty::at)
				.containsExactly(tuple("制定酒店的市场营销策略和计划", Location.of("duties.csv", 11, 3)));
		}

		@Test
		void shouldReadTheBundleFromGb18030FilesAlike() {
			List<ImportFile> gb = new ArrayList<>();
			for (String name : List.of("org.csv", "units.csv", "positions.csv", "people.csv", "duties.csv")) {
				String text = new String(fixture("hotel-zh/" + name), StandardCharsets.UTF_8);
				gb.add(file(name, text.getBytes(GB18030)));
			}

			ParseResult result = CsvBundleParserTests.this.parser.parse("hotel", gb);

			assertThat(result.problems()).isEmpty();
			OrgDocument utf8 = hotel().document();
			assertThat(result.document().units()).isEqualTo(utf8.units());
			assertThat(result.document().positions()).isEqualTo(utf8.positions());
			assertThat(result.document().people()).isEqualTo(utf8.people());
		}

		@Test
		void shouldLetPeopleFillInAMissingReportsToFromTheirManager() {
			ParseResult result = parse("acme", file("positions.csv", """
					key,title,unit,reports_to
					CEO,Chief Executive,HQ,
					CFO,Finance Director,Finance,CEO
					ACC,Accountant,Finance,
					AUD,Auditor,Finance,
					"""), file("people.csv", """
					employee_id,name,position_id,manager_id
					E1,Ann,CEO,
					E2,Bob,CFO,E1
					E3,Cid,ACC,E2
					E4,Dee,AUD,E99
					"""));

			assertThat(reportingLines(result.document())).containsOnly(entry("CFO", "CEO"), entry("ACC", "CFO"));
			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.UNKNOWN_MANAGER, 5, 4));
			// without units.csv the units are the departments positions.csv names
			assertThat(result.document().units()).extracting(Unit::key).containsExactly("HQ", "Finance");
		}

		@Test
		void shouldRejectADepartmentNameThatSeveralUnitsShare() {
			ParseResult result = parse("acme", file("units.csv", """
					key,name,parent
					HQ,Head office,
					S1,Sales,HQ
					S2,Sales,HQ
					"""), file("people.csv", """
					employee_id,name,title,department,manager_id
					E1,Ann,CEO,Head office,
					E2,Bob,Rep,Sales,E1
					E3,Cid,Rep,S2,E1
					E4,Dee,Rep,Marketing,E1
					"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.UNKNOWN_UNIT, 3, 4));
			assertThat(result.document().positions()).extracting(Position::key, Position::unit, Position::at)
				.containsExactly(tuple("P-E1", "HQ", Location.of("people.csv", 2, 1)),
						tuple("P-E2", "Sales", Location.of("people.csv", 3, 4)),
						tuple("P-E3", "S2", Location.of("people.csv", 4, 5)),
						// an unknown unit is the validator's to report, at the department cell
						tuple("P-E4", "Marketing", Location.of("people.csv", 5, 4)));
		}

		@Test
		void shouldReportADutyWhoseHolderDoesNotExist() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("duties.csv", """
							holder_kind,holder,text
							unit,Finance,Close the books
							unit,Legal,Review contracts
							position,P-E004,Run payroll
							position,P-E404,Answer the phone
							committee,Board,Approve budget
							"""));

			assertThat(result.problems()).extracting(ImportProblem::code, ImportProblem::line, ImportProblem::column)
				.containsExactly(tuple(ProblemCodes.UNKNOWN_UNIT, 3, 2), tuple(ProblemCodes.UNKNOWN_POSITION, 5, 2),
						tuple(ProblemCodes.BAD_VALUE, 6, 1));
			assertThat(byKey(result.document().units(), Unit::key).get("Finance").duties()).extracting(Duty::text)
				.containsExactly("Close the books");
			assertThat(byKey(result.document().positions(), Position::key).get("P-E004").duties())
				.extracting(Duty::text)
				.containsExactly("Run payroll");
		}

		@Test
		void shouldWarnOfUnknownFilesAndRejectABundleWithoutPeopleOrPositions() {
			ParseResult result = parse("acme", file("units.csv", "key,name\nHQ,Head office\n"),
					file("readme.txt", "exported 2024-05-01"));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::severity)
				.containsExactly(tuple("readme.txt", ProblemCodes.UNKNOWN_FILE, Severity.WARNING),
						tuple("people.csv", ProblemCodes.MISSING_FILE, Severity.ERROR));
		}

		@Test
		void shouldRejectTwoPeopleFiles() {
			ParseResult result = parse("acme", file("people.csv", fixture("hr-export-en/people.csv")),
					file("old/employees.csv", fixture("hr-export-en/people.csv")));

			assertThat(result.document()).isNull();
			assertThat(result.problems()).extracting(ImportProblem::file, ImportProblem::code, ImportProblem::severity)
				.containsExactly(tuple("old/employees.csv", ProblemCodes.UNKNOWN_FILE, Severity.ERROR));
		}

		private ParseResult hotel() {
			List<ImportFile> files = new ArrayList<>();
			for (String name : List.of("org.csv", "units.csv", "positions.csv", "people.csv", "duties.csv")) {
				files.add(file(name, fixture("hotel-zh/" + name)));
			}
			return CsvBundleParserTests.this.parser.parse("hotel", files);
		}

	}

	@Test
	void shouldReadAHundredThousandPeople() {
		int size = 100_000;
		StringBuilder csv = new StringBuilder(size * 48).append("employee_id,name,title,department,manager_id\n");
		for (int i = 1; i <= size; i++) {
			// a tree eight wide: E2..E9 report to E1, E10..E17 to E2, …
			String manager = (i == 1) ? "" : "E" + ((i - 2) / 8 + 1);
			csv.append('E')
				.append(i)
				.append(",Person ")
				.append(i)
				.append(",Title ")
				.append(i % 40)
				.append(",Unit ")
				.append(i % 250)
				.append(',')
				.append(manager)
				.append('\n');
		}

		ParseResult result = parse("big", people(csv.toString()));

		assertThat(result.problems()).isEmpty();
		OrgDocument document = result.document();
		assertThat(document.people()).hasSize(size);
		assertThat(document.positions()).hasSize(size);
		assertThat(document.units()).hasSize(250);
		assertThat(tops(document)).containsExactly("P-E1");
		Person last = document.people().getLast();
		assertThat(last.key()).isEqualTo("E" + size);
		assertThat(last.at()).isEqualTo(Location.of("people.csv", size + 1, 1));
		Position lastPosition = document.positions().getLast();
		assertThat(lastPosition.reportsTo()).isEqualTo("P-E" + ((size - 2) / 8 + 1));
	}

	// ---- helpers ---------------------------------------------------------------------------

	private ParseResult parse(String orgKey, ImportFile... files) {
		return this.parser.parse(orgKey, List.of(files));
	}

	private static ImportFile people(String csv) {
		return file("people.csv", csv);
	}

	private static ImportFile file(String name, String text) {
		return new ImportFile(name, text.getBytes(StandardCharsets.UTF_8));
	}

	private static ImportFile file(String name, byte[] content) {
		return new ImportFile(name, content);
	}

	private static byte[] fixture(String path) {
		try (InputStream in = CsvBundleParserTests.class.getResourceAsStream("/csv-bundle/" + path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> reportingLines(OrgDocument document) {
		Map<String, String> lines = new HashMap<>();
		for (Position position : document.positions()) {
			if (position.reportsTo() != null) {
				lines.put(position.key(), position.reportsTo());
			}
		}
		return lines;
	}

	private static List<String> tops(OrgDocument document) {
		return document.positions().stream().filter((p) -> p.reportsTo() == null).map(Position::key).toList();
	}

	private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
		return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] out = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, out, at, part.length);
			at += part.length;
		}
		return out;
	}

	/** Offset of the first byte of a 1-based line. */
	private static int indexOfLine(byte[] bytes, int line) {
		int current = 1;
		for (int i = 0; i < bytes.length; i++) {
			if (current == line) {
				return i;
			}
			if (bytes[i] == '\n') {
				current++;
			}
		}
		throw new IllegalArgumentException("no line " + line);
	}

}
