package org.bordercustody.custody;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.bordercustody.custody.CaseView.OpenTask;
import org.bordercustody.system.InvalidRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers where a person is now and what happened to them, from the case tables and the engine. */
@Service
@Transactional(readOnly = true)
public class Cases {

    public static final Pattern CASE_NUMBER = Pattern.compile("[A-Z0-9-]{1,32}-[0-9]{2}");

    private final CustodyCaseRepository cases;
    private final FamilyGroup familyGroup;
    private final Timeline timeline;
    private final TaskService taskService;
    private final Clock clock;
    private final org.bordercustody.person.PersonIdentities people;
    private final Encounters encounters;
    private final BreachRepository breaches;

    public Cases(CustodyCaseRepository cases, FamilyGroup familyGroup, Timeline timeline,
            TaskService taskService, Clock clock, org.bordercustody.person.PersonIdentities people, Encounters encounters,
            BreachRepository breaches) {
        this.people = people;
        this.encounters = encounters;
        this.breaches = breaches;
        this.cases = cases;
        this.familyGroup = familyGroup;
        this.timeline = timeline;
        this.taskService = taskService;
        this.clock = clock;
    }

    public CaseView view(String caseNumber) {
        CustodyCase custodyCase = cases.get(checked(caseNumber));
        Instant custodyEnd = custodyCase.leftCbpCustodyAt() != null ? custodyCase.leftCbpCustodyAt() : clock.instant();
        double hours = Math.round(Duration.between(custodyCase.apprehendedAt(), custodyEnd).toMinutes() / 6.0) / 10.0;
        List<String> family = familyGroup.caseNumbersOf(caseNumber).stream()
                .filter(member -> !member.equals(caseNumber))
                .toList();
        List<OpenTask> openTasks = taskService.createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .orderByDueDate().asc()
                .list().stream()
                .map(this::openTask)
                .toList();
        org.bordercustody.person.Identifiers identifiers = people.identifiersOf(custodyCase.personId());
        List<CustodyCase> earlier = encounters.earlier(custodyCase);
        java.util.Set<String> missed = breaches.missedCheckIns(earlier.stream().map(CustodyCase::caseNumber).toList());
        return new CaseView(custodyCase.caseNumber(), custodyCase.eventNumber(), custodyCase.status().name(),
                custodyCase.classification().name(), custodyCase.placement(), custodyCase.apprehendedAt(),
                custodyCase.custodyDeadline(), Math.max(0, hours), custodyCase.leftCbpCustodyAt(), family, openTasks,
                cases.checkInDueBy(caseNumber).orElse(null), custodyCase.personId(),
                new CaseView.Person(custodyCase.familyName(), custodyCase.givenNames(), custodyCase.dateOfBirth(),
                        custodyCase.sex(), custodyCase.countryOfCitizenship(), new CaseView.Identifiers(
                                identifiers.aNumber().orElse(null), identifiers.fin().orElse(null),
                                identifiers.documents().stream().map(document -> new CaseView.Document(
                                        document.documentType(), document.documentNumber(),
                                        document.documentCountry())).toList())),
                custodyCase.sector(), custodyCase.station(), earlier.stream().map(CustodyCase::caseNumber).toList(),
                earlier.stream().map(other -> new CaseView.EarlierEncounter(other.caseNumber(), other.apprehendedAt(),
                        other.sector(), other.station(), other.status().name(), missed.contains(other.caseNumber())))
                        .toList());
    }

    public List<TimelineEntry> timeline(String caseNumber) {
        cases.get(checked(caseNumber));
        return timeline.of(caseNumber);
    }

    private OpenTask openTask(Task task) {
        String candidateGroup = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst().orElse(null);
        return new OpenTask(task.getId(), task.getName(), candidateGroup,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getPriority());
    }

    public static String checked(String caseNumber) {
        if (caseNumber == null || !CASE_NUMBER.matcher(caseNumber).matches()) {
            throw new InvalidRequestException("caseNumber", "must be an event number, a hyphen and two digits");
        }
        return caseNumber;
    }
}
