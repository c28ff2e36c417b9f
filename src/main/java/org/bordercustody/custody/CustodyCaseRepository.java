package org.bordercustody.custody;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case table. Instants are stored as UTC timestamps with time zone. */
@Repository
public class CustodyCaseRepository {

    private static final String SELECT_CASE = """
            SELECT c.*, e.apprehended_offset
              FROM custody_case c JOIN apprehension_event e ON e.event_number = c.event_number
            """;

    private final JdbcClient jdbc;

    public CustodyCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CustodyCase custodyCase) {
        jdbc.sql("""
                INSERT INTO custody_case (case_number, event_number, person_ref, family_name, given_names,
                    date_of_birth, sex, country_of_citizenship, classification, status, custody_deadline, apprehended_at,
                    person_id, sector, station)
                VALUES (:caseNumber, :eventNumber, :personRef, :familyName, :givenNames,
                    :dateOfBirth, :sex, :country, :classification, :status, :custodyDeadline, :apprehendedAt, :personId,
                    (SELECT e.sector FROM apprehension_event e WHERE e.event_number = :eventNumber),
                    (SELECT e.station FROM apprehension_event e WHERE e.event_number = :eventNumber))
                """)
                .param("personId", custodyCase.personId())
                .param("apprehendedAt", utc(custodyCase.apprehendedAt()))
                .param("caseNumber", custodyCase.caseNumber())
                .param("eventNumber", custodyCase.eventNumber())
                .param("personRef", custodyCase.personRef())
                .param("familyName", custodyCase.familyName())
                .param("givenNames", custodyCase.givenNames())
                .param("dateOfBirth", custodyCase.dateOfBirth())
                .param("sex", custodyCase.sex())
                .param("country", custodyCase.countryOfCitizenship())
                .param("classification", custodyCase.classification().name())
                .param("status", custodyCase.status().name())
                .param("custodyDeadline", utc(custodyCase.custodyDeadline()))
                .update();
    }

    public Optional<CustodyCase> find(String caseNumber) {
        return jdbc.sql(SELECT_CASE + " WHERE c.case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query(CustodyCaseRepository::map)
                .optional();
    }

    public CustodyCase get(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    /** Every case of the apprehension event the given case belongs to, itself included, in one query. */
    public List<CustodyCase> findByEventOf(String caseNumber) {
        return jdbc.sql(SELECT_CASE + " WHERE c.event_number = (SELECT event_number FROM custody_case"
                        + " WHERE case_number = :caseNumber) ORDER BY c.case_number")
                .param("caseNumber", caseNumber)
                .query(CustodyCaseRepository::map)
                .list();
    }

    /** The cases of these numbers, in one query; a number of no case is left out. */
    public List<CustodyCase> findAll(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_CASE + " WHERE c.case_number IN (:caseNumbers) ORDER BY c.case_number")
                .param("caseNumbers", List.copyOf(caseNumbers))
                .query(CustodyCaseRepository::map)
                .list();
    }

    public List<CustodyCase> findByEvent(String eventNumber) {
        return jdbc.sql(SELECT_CASE + " WHERE c.event_number = :eventNumber ORDER BY c.case_number")
                .param("eventNumber", eventNumber)
                .query(CustodyCaseRepository::map)
                .list();
    }

    /** The cases of the given numbers, the newest apprehension first. */
    public List<CustodyCase> findByNumbers(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_CASE + " WHERE c.case_number IN (:cases) ORDER BY c.apprehended_at DESC, c.case_number DESC")
                .param("cases", List.copyOf(caseNumbers))
                .query(CustodyCaseRepository::map)
                .list();
    }

    /**
     * Encounters of people born on the day, of the country when one is given, the newest apprehension first, at most
     * {@code cap}: the candidates of a probable match.
     */
    public List<CustodyCase> findBorn(java.time.LocalDate dateOfBirth, String country, int cap) {
        return jdbc.sql(SELECT_CASE + " WHERE c.date_of_birth = :born"
                        + (country == null ? "" : " AND c.country_of_citizenship = :country")
                        + " ORDER BY c.apprehended_at DESC, c.case_number DESC FETCH FIRST " + cap + " ROWS ONLY")
                .param("born", dateOfBirth)
                .params(country == null ? java.util.Map.of() : java.util.Map.of("country", country))
                .query(CustodyCaseRepository::map)
                .list();
    }

    /** Every encounter of a person, the newest apprehension first. */
    public List<CustodyCase> findByPerson(UUID personId) {
        return jdbc.sql(SELECT_CASE + " WHERE c.person_id = :personId ORDER BY c.apprehended_at DESC, c.case_number DESC")
                .param("personId", personId)
                .query(CustodyCaseRepository::map)
                .list();
    }

    /**
     * Every encounter of the person holding the identifier (a kind and value of person_identifier), the newest
     * first: one query, whether anyone holds it or not.
     */
    public List<CustodyCase> findOfPersonHolding(String kind, String value) {
        return findOfPeople("SELECT i.person_id FROM person_identifier i WHERE i.kind = :kind AND i.identifier = :value",
                java.util.Map.of("kind", kind, "value", value));
    }

    /** Every encounter of the people holding a travel document of this number, whatever its type and country. */
    public List<CustodyCase> findOfPeopleHoldingDocumentNumber(String number) {
        return findOfPeople("SELECT i.person_id FROM person_identifier i WHERE i.kind = 'DOCUMENT'"
                + " AND i.document_number = :number", java.util.Map.of("number", number));
    }

    /** Every encounter of the people of a case number, or of every case of an event number. */
    public List<CustodyCase> findOfPeopleNumbered(String eventOrCaseNumber) {
        return findOfPeople("SELECT n.person_id FROM custody_case n WHERE n.case_number = :number"
                + " OR n.event_number = :number", java.util.Map.of("number", eventOrCaseNumber));
    }

    /** Every encounter of the people the cases are encounters of (at least one case number). */
    public List<CustodyCase> findOfPeopleOf(java.util.Collection<String> caseNumbers) {
        return findOfPeople("SELECT n.person_id FROM custody_case n WHERE n.case_number IN (:cases)",
                java.util.Map.of("cases", List.copyOf(caseNumbers)));
    }

    /** Every encounter of the people the query names, the newest apprehension first. */
    private List<CustodyCase> findOfPeople(String people, java.util.Map<String, ?> parameters) {
        return jdbc.sql(SELECT_CASE + " WHERE c.person_id IN (" + people + ")"
                        + " ORDER BY c.apprehended_at DESC, c.case_number DESC")
                .params(parameters)
                .query(CustodyCaseRepository::map)
                .list();
    }

    /** The encounter now belongs to another person. */
    public void movePerson(String caseNumber, UUID personId) {
        jdbc.sql("UPDATE custody_case SET person_id = :personId WHERE case_number = :caseNumber")
                .param("personId", personId).param("caseNumber", caseNumber).update();
    }

    /** All encounters of one person become another's. */
    public void moveEncounters(UUID from, UUID to) {
        jdbc.sql("UPDATE custody_case SET person_id = :to WHERE person_id = :from")
                .param("to", to).param("from", from).update();
    }

    public void recordReEncountered(String caseNumber) {
        jdbc.sql("UPDATE custody_case SET status = :status WHERE case_number = :caseNumber")
                .param("status", CaseStatus.RE_ENCOUNTERED.name()).param("caseNumber", caseNumber)
                .update();
    }

    /** Serialises work on the cases of one apprehension event until the transaction ends. */
    /** The sector and station now holding a person in CBP custody; false when the person is no longer in it. */
    public boolean moveHeldBy(String caseNumber, HeldBy heldBy) {
        return jdbc.sql("UPDATE custody_case SET sector = :sector, station = :station WHERE case_number = :caseNumber"
                        + " AND status = 'IN_CBP_CUSTODY'")
                .param("sector", heldBy.sector()).param("station", heldBy.station()).param("caseNumber", caseNumber)
                .update() == 1;
    }

    /** The case's row, locked until the transaction ends. */
    public void lockCase(String caseNumber) {
        jdbc.sql("SELECT case_number FROM custody_case WHERE case_number = :caseNumber FOR UPDATE")
                .param("caseNumber", caseNumber).query(String.class).optional();
    }

    public void lockEvent(String eventNumber) {
        jdbc.sql("SELECT event_number FROM apprehension_event WHERE event_number = :eventNumber FOR UPDATE")
                .param("eventNumber", eventNumber)
                .query(String.class)
                .optional();
    }

    public void recordIntake(String caseNumber, Instant at, Intake intake) {
        jdbc.sql("""
                UPDATE custody_case SET intake_completed_at = :at, biometrics_status = :biometrics,
                    records_check = :recordsCheck, medical_screening = :medical,
                    processing_pathway = :pathway, flight_risk = :flightRisk
                 WHERE case_number = :caseNumber
                """)
                .param("at", utc(at)).param("biometrics", intake.biometrics())
                .param("recordsCheck", intake.recordsCheck()).param("medical", intake.medicalScreening())
                .param("pathway", intake.processingPathway()).param("flightRisk", intake.flightRisk())
                .param("caseNumber", caseNumber)
                .update();
    }

    /** What intake found, as the case keeps it. */
    public record Intake(String biometrics, String recordsCheck, String medicalScreening, String processingPathway,
            String flightRisk) {
    }

    public Optional<Intake> intake(String caseNumber) {
        return jdbc.sql("""
                SELECT biometrics_status, records_check, medical_screening, processing_pathway, flight_risk
                  FROM custody_case WHERE case_number = :caseNumber AND intake_completed_at IS NOT NULL""")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new Intake(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    public void recordDateOfBirth(String caseNumber, LocalDate dateOfBirth, boolean estimated) {
        jdbc.sql("UPDATE custody_case SET date_of_birth = :dob, date_of_birth_estimated = :estimated"
                        + " WHERE case_number = :caseNumber")
                .param("dob", dateOfBirth).param("estimated", estimated).param("caseNumber", caseNumber)
                .update();
    }

    public void recordClassification(String caseNumber, Classification classification) {
        jdbc.sql("UPDATE custody_case SET classification = :classification WHERE case_number = :caseNumber")
                .param("classification", classification.name()).param("caseNumber", caseNumber)
                .update();
    }

    public void recordPlacement(String caseNumber, String placement) {
        jdbc.sql("UPDATE custody_case SET placement = :placement WHERE case_number = :caseNumber")
                .param("placement", placement).param("caseNumber", caseNumber)
                .update();
    }

    /** The person leaves CBP custody: the custody clock stops at this instant. */
    public void leaveCbpCustody(String caseNumber, CaseStatus status, Instant at) {
        jdbc.sql("UPDATE custody_case SET status = :status, left_cbp_custody_at = :at WHERE case_number = :caseNumber")
                .param("status", status.name()).param("at", utc(at)).param("caseNumber", caseNumber)
                .update();
        keepHoursInCbpCustody(caseNumber);
    }

    /** The hours CBP held the person, in tenths, kept once custody ended (the reports count by them). */
    private void keepHoursInCbpCustody(String caseNumber) {
        jdbc.sql("""
                UPDATE custody_case SET cbp_custody_tenths = CAST(FLOOR((EXTRACT(EPOCH FROM left_cbp_custody_at)
                    - EXTRACT(EPOCH FROM apprehended_at)) / 360) AS INTEGER)
                 WHERE case_number = :caseNumber AND left_cbp_custody_at IS NOT NULL""")
                .param("caseNumber", caseNumber).update();
    }

    /** Whether the intended address the person is released to is valid (its ZIP code of its state). */
    public void recordReleaseAddressValid(String caseNumber, boolean valid) {
        jdbc.sql("UPDATE custody_case SET release_address_valid = :valid WHERE case_number = :caseNumber")
                .param("valid", valid).param("caseNumber", caseNumber).update();
    }

    public void recordProposal(String caseNumber, ProposedOutcome proposal) {
        jdbc.sql("UPDATE custody_case SET proposed_outcome = :outcome, proposal_reason = :reason"
                        + " WHERE case_number = :caseNumber")
                .param("outcome", proposal.outcome()).param("reason", proposal.reason())
                .param("caseNumber", caseNumber)
                .update();
    }

    /** What the release eligibility decision proposed for the case. */
    public record ProposedOutcome(String outcome, String reason) {
    }

    public Optional<ProposedOutcome> proposal(String caseNumber) {
        return jdbc.sql("SELECT proposed_outcome, proposal_reason FROM custody_case"
                        + " WHERE case_number = :caseNumber AND proposed_outcome IS NOT NULL")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new ProposedOutcome(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public Optional<String> outcome(String caseNumber) {
        return jdbc.sql("SELECT custody_outcome FROM custody_case WHERE case_number = :caseNumber"
                        + " AND custody_outcome IS NOT NULL")
                .param("caseNumber", caseNumber)
                .query(String.class)
                .optional();
    }

    public void recordOutcome(String caseNumber, String outcome) {
        jdbc.sql("UPDATE custody_case SET custody_outcome = :outcome WHERE case_number = :caseNumber")
                .param("outcome", outcome).param("caseNumber", caseNumber).update();
    }

    public void recordRelease(String caseNumber, Instant releasedAt, String documents, Instant checkInDueBy,
            boolean leavesCbpCustody) {
        jdbc.sql("""
                UPDATE custody_case SET status = :status, released_at = :releasedAt, release_documents = :documents,
                    check_in_due_by = :due, left_cbp_custody_at = CASE WHEN :leaves THEN :releasedAt
                    ELSE left_cbp_custody_at END
                 WHERE case_number = :caseNumber
                """)
                .param("status", CaseStatus.RELEASED_AWAITING_CHECK_IN.name()).param("releasedAt", utc(releasedAt))
                .param("documents", documents).param("due", utc(checkInDueBy)).param("leaves", leavesCbpCustody)
                .param("caseNumber", caseNumber)
                .update();
        keepHoursInCbpCustody(caseNumber);
    }

    /** ICE took the person over: into family custody (a family with its children, under the Flores limit) or not. */
    public void recordIceBookIn(String caseNumber, Instant bookedInAt, boolean familyCustody) {
        jdbc.sql("""
                UPDATE custody_case SET status = :status, ice_book_in_at = :at, left_cbp_custody_at = :at,
                    ice_family_custody = :familyCustody
                 WHERE case_number = :caseNumber
                """)
                .param("status", CaseStatus.TRANSFERRED_TO_ICE.name()).param("at", utc(bookedInAt))
                .param("familyCustody", familyCustody).param("caseNumber", caseNumber)
                .update();
        keepHoursInCbpCustody(caseNumber);
    }

    /** The facility the person went to when CBP custody ended: an ICE facility or an ORR care provider, by code. */
    public void recordHeldAt(String caseNumber, String facilityCode) {
        jdbc.sql("UPDATE custody_case SET held_at_facility = :facility WHERE case_number = :caseNumber")
                .param("facility", facilityCode).param("caseNumber", caseNumber)
                .update();
    }

    /** The facility each case went to when CBP custody ended, for the cases that have one. */
    public java.util.Map<String, String> heldAt(java.util.Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> held = new java.util.HashMap<>();
        jdbc.sql("SELECT case_number, held_at_facility FROM custody_case WHERE case_number IN (:numbers)"
                        + " AND held_at_facility IS NOT NULL")
                .param("numbers", caseNumbers)
                .query((rs, row) -> held.put(rs.getString(1), rs.getString(2)))
                .list();
        return held;
    }

    /**
     * Who is in ICE family custody at an instant, the one definition every count of it reads (the Cockpit panel and
     * custody-now, the metrics report, the Prometheus gauge): booked into family custody by then and neither released
     * nor removed by then. An adult whose children were separated is in ICE custody, not here.
     */
    static final String IN_ICE_FAMILY_CUSTODY_AT = """
            c.ice_family_custody AND c.ice_book_in_at <= :at
            AND (c.released_at IS NULL OR c.released_at > :at) AND (c.removed_at IS NULL OR c.removed_at > :at)""";

    /** The case numbers of everyone in ICE family custody at the instant, in order. */
    public List<String> inIceFamilyCustody(Instant at) {
        return jdbc.sql("SELECT c.case_number FROM custody_case c WHERE " + IN_ICE_FAMILY_CUSTODY_AT
                        + " ORDER BY c.case_number")
                .param("at", utc(at)).query(String.class).list();
    }

    /** How many are in ICE family custody at the instant: {@link #inIceFamilyCustody}, counted in the database. */
    public long countInIceFamilyCustody(Instant at) {
        return jdbc.sql("SELECT COUNT(*) FROM custody_case c WHERE " + IN_ICE_FAMILY_CUSTODY_AT)
                .param("at", utc(at)).query(Long.class).single();
    }

    /** {@link #countInIceFamilyCustody}, by the sector and station holding each case. */
    public java.util.Map<HeldBy, Long> countInIceFamilyCustodyByStation(Instant at) {
        java.util.Map<HeldBy, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT c.sector, c.station, COUNT(*) AS people FROM custody_case c WHERE " + IN_ICE_FAMILY_CUSTODY_AT
                        + " GROUP BY c.sector, c.station")
                .param("at", utc(at))
                .query(rs -> {
                    counts.put(new HeldBy(rs.getString("sector"), rs.getString("station")), rs.getLong("people"));
                });
        return counts;
    }

    /** When ICE booked the case into family custody; empty for a case ICE holds (or held) without family custody. */
    public Optional<Instant> iceFamilyCustodyBookInAt(String caseNumber) {
        return jdbc.sql("SELECT ice_book_in_at FROM custody_case WHERE case_number = :caseNumber AND ice_family_custody")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> Optional.ofNullable(instant(rs, "ice_book_in_at")))
                .optional().flatMap(at -> at);
    }

    public void recordRemoved(String caseNumber, Instant removedAt, boolean leavesCbpCustody) {
        jdbc.sql("""
                UPDATE custody_case SET status = :status, removed_at = :at,
                    left_cbp_custody_at = CASE WHEN :leaves THEN :at ELSE left_cbp_custody_at END
                 WHERE case_number = :caseNumber
                """)
                .param("status", CaseStatus.REMOVED.name()).param("at", utc(removedAt))
                .param("leaves", leavesCbpCustody).param("caseNumber", caseNumber)
                .update();
        keepHoursInCbpCustody(caseNumber);
    }

    public void recordCheckIn(String caseNumber, Instant reportedAt, String office) {
        jdbc.sql("""
                UPDATE custody_case SET status = :status, checked_in_at = :at, check_in_office = :office
                 WHERE case_number = :caseNumber
                """)
                .param("status", CaseStatus.CHECKED_IN.name()).param("at", utc(reportedAt)).param("office", office)
                .param("caseNumber", caseNumber)
                .update();
    }

    public void recordCheckInMissed(String caseNumber) {
        jdbc.sql("UPDATE custody_case SET status = :status WHERE case_number = :caseNumber")
                .param("status", CaseStatus.CHECK_IN_OVERDUE.name()).param("caseNumber", caseNumber)
                .update();
    }

    /** Holds the case's row until the transaction ends, so that two reports about one case run one after the other. */
    public CustodyCase lock(String caseNumber) {
        jdbc.sql("SELECT case_number FROM custody_case WHERE case_number = :caseNumber FOR UPDATE")
                .param("caseNumber", caseNumber).query(String.class).optional()
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return get(caseNumber);
    }

    public Optional<Instant> checkInDueBy(String caseNumber) {
        return jdbc.sql("SELECT check_in_due_by FROM custody_case WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> Optional.ofNullable(instant(rs, "check_in_due_by")))
                .optional().flatMap(due -> due);
    }

    /**
     * The case a task of the custody process or of a breach follow-up belongs to; read only after the engine has let
     * the caller see it.
     */
    public Optional<String> caseNumberOfTask(String taskId) {
        return jdbc.sql("""
                SELECT e.BUSINESS_KEY_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
                 JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
                 WHERE t.ID_ = :taskId AND d.KEY_ IN (:keys)""")
                .param("taskId", taskId).param("keys", CaseProcesses.KEYS)
                .query(String.class).optional();
    }

    /** The case a custody process instance (running or ended) is for. */
    public Optional<String> caseNumberOfProcessInstance(String processInstanceId) {
        return jdbc.sql("""
                SELECT p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p WHERE p.ID_ = :id AND p.PROC_DEF_KEY_ IN (:keys)""")
                .param("id", processInstanceId).param("keys", CaseProcesses.KEYS)
                .query(String.class).optional();
    }

    public Optional<Instant> releasedAt(String caseNumber) {
        return jdbc.sql("SELECT released_at FROM custody_case WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> Optional.ofNullable(instant(rs, "released_at")))
                .optional().flatMap(at -> at);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static CustodyCase map(ResultSet rs, int row) throws SQLException {
        return new CustodyCase(
                rs.getString("case_number"),
                rs.getString("event_number"),
                rs.getString("person_ref"),
                rs.getString("family_name"),
                rs.getString("given_names"),
                rs.getObject("date_of_birth", LocalDate.class),
                rs.getBoolean("date_of_birth_estimated"),
                rs.getString("sex"),
                rs.getString("country_of_citizenship"),
                instant(rs, "apprehended_at"),
                ZoneOffset.of(rs.getString("apprehended_offset")),
                Classification.valueOf(rs.getString("classification")),
                rs.getString("placement"),
                CaseStatus.valueOf(rs.getString("status")),
                instant(rs, "custody_deadline"),
                instant(rs, "left_cbp_custody_at"),
                instant(rs, "intake_completed_at"),
                rs.getString("records_check"),
                rs.getString("medical_screening"),
                rs.getObject("person_id", UUID.class),
                rs.getString("sector"),
                rs.getString("station"));
    }
}
