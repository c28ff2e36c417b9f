package org.bordercustody.release;

import static org.bordercustody.custody.CustodyProcess.Elements.TASK_ACCEPT_ICE_TRANSFER;
import static org.bordercustody.custody.CustodyProcess.Variables.ICE_BOOK_IN_NUMBER;
import static org.bordercustody.custody.CustodyProcess.Variables.ICE_FACILITY;

import java.time.Clock;
import java.util.Optional;
import org.bordercustody.custody.Actors;
import org.bordercustody.custody.Cases;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.custody.Timeline;
import org.bordercustody.facility.Facility;
import org.bordercustody.system.ConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ICE books in a person CBP handed over, from ICE's own system or an officer's call: the book-in completes ICE's
 * acceptance, as the officer's "Accept transfer into ICE custody" task does, and CBP custody ends. The same book-in
 * again changes nothing; another book-in number for the same person is a conflict. The facility is a code of the
 * reference list that may hold everyone booked in ({@link CustodyOutcomes#iceFacilityFor}, the check of the officer's
 * form too): otherwise refused, with nothing recorded.
 */
@Service
public class IceBookIns {

    public record BookIn(String caseNumber, String bookInNumber, String facility, boolean alreadyRecorded) {
    }

    private final CustodyCaseRepository cases;
    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final Timeline timeline;
    private final Clock clock;
    private final CustodyOutcomes custodyOutcomes;

    IceBookIns(CustodyCaseRepository cases, JdbcClient jdbc, TaskService taskService, Timeline timeline, Clock clock,
            CustodyOutcomes custodyOutcomes) {
        this.custodyOutcomes = custodyOutcomes;
        this.cases = cases;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Transactional
    public BookIn bookIn(String caseNumber, String facilityCode, String bookInNumber, boolean familyCustody,
            String actor) {
        cases.lock(Cases.checked(caseNumber));
        Optional<BookIn> recorded = recorded(caseNumber);
        if (recorded.isPresent()) {
            if (!recorded.get().bookInNumber().equals(bookInNumber)) {
                throw new ConflictException("case " + caseNumber + " was booked in as " + recorded.get().bookInNumber()
                        + ", not " + bookInNumber);
            }
            return recorded.get();
        }
        Optional<String> otherCase = jdbc.sql("SELECT case_number FROM ice_book_in WHERE book_in_number = :number")
                .param("number", bookInNumber).query(String.class).optional();
        if (otherCase.isPresent()) {
            throw new ConflictException("the book-in number " + bookInNumber + " was given for another case");
        }
        boolean family = custodyOutcomes.goesToFamilyCustody(caseNumber);
        if (familyCustody != family) {
            throw new ConflictException("case " + caseNumber + (family ? " is a member of a family unit with its"
                    + " children: book the family into family custody" : " goes to ICE without children: no family"
                    + " custody"));
        }
        Task acceptance = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(TASK_ACCEPT_ICE_TRANSFER).singleResult();
        if (acceptance == null) {
            throw new ConflictException("case " + caseNumber + " is not waiting for ICE to accept a hand-over");
        }
        Facility facility = custodyOutcomes.iceFacilityFor(caseNumber, facilityCode, "facility");
        jdbc.sql("""
                INSERT INTO ice_book_in (case_number, book_in_number, facility, recorded_by, recorded_at)
                VALUES (:caseNumber, :bookInNumber, :facility, :actor, :now)
                """)
                .param("caseNumber", caseNumber).param("bookInNumber", bookInNumber).param("facility", facility.code())
                .param("actor", actor).param("now", CustodyCaseRepository.utc(clock.instant()))
                .update();
        timeline.record(caseNumber, "ICE_BOOKED_IN", "Booked in by ICE at " + facility.shown() + ", book-in "
                + bookInNumber, actor);
        try {
            taskService.setAssignee(acceptance.getId(), actor);
            // The acceptance the book-in completes is the caller's, on the timeline as in the officer's form.
            Actors.actingAs(actor, () -> taskService.complete(acceptance.getId(), ProcessData.of()
                    .with(ICE_BOOK_IN_NUMBER, bookInNumber).with(ICE_FACILITY, facility.code()).variables()));
        } catch (OptimisticLockingException e) {
            throw new ConflictException("ICE's acceptance of case " + caseNumber + " was recorded at the same moment");
        }
        return new BookIn(caseNumber, bookInNumber, facility.code(), false);
    }

    private Optional<BookIn> recorded(String caseNumber) {
        return jdbc.sql("SELECT book_in_number, facility FROM ice_book_in WHERE case_number = :caseNumber")
                .param("caseNumber", caseNumber)
                .query((rs, row) -> new BookIn(caseNumber, rs.getString("book_in_number"), rs.getString("facility"), true))
                .optional();
    }
}
