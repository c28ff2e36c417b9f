package org.bordercustody.family;

import static org.bordercustody.custody.CustodyProcess.Variables.CLASSIFICATION;
import static org.bordercustody.custody.CustodyProcess.Variables.CONTIGUOUS_COUNTRY_NATIONAL;
import static org.bordercustody.custody.CustodyProcess.Variables.FAMILY_SEPARATION;
import static org.bordercustody.custody.CustodyProcess.Variables.HHS_NOTIFICATION_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.ORR_TRANSFER_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.PLACEMENT;
import static org.bordercustody.custody.CustodyProcess.Variables.SCREENING_DEADLINE;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATE_CHILD_SLOTS;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATED_FROM_FAMILY;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATION_NOTE;
import static org.bordercustody.custody.CustodyProcess.Variables.SEPARATION_REASON;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bordercustody.custody.CaseStatus;
import org.bordercustody.custody.Classification;
import org.bordercustody.custody.CustodyCase;
import org.bordercustody.custody.CustodyCaseRepository;
import org.bordercustody.custody.CustodyClocks;
import org.bordercustody.custody.CustodyProcessStarter;
import org.bordercustody.custody.ProcessData;
import org.bordercustody.custody.TaskForms;
import org.bordercustody.custody.Timeline;
import org.bordercustody.system.ConflictException;
import org.bordercustody.system.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's separation, decided by the supervisor who decides the family's outcome: the children go to HHS ORR as
 * unaccompanied children, with the HHS notification and the ORR transfer counted from the decision, and the adults
 * keep the outcome decided for the family. One row per child and adult records who decided, when and why, until
 * the two are reunified. Never a side effect: nothing else separates a family.
 */
@Service
public class FamilySeparations {

    /** The supervisor's answer for a family with children: the form's choices. */
    public static final String KEEP_TOGETHER = "KEEP_TOGETHER";
    public static final String SEPARATE = "SEPARATE";

    /**
     * What the supervisor answered about the family: the choice, the reason and note, and for each child the
     * approval form names (in the order of {@link #separableChildren}) whether that child is separated. All empty for a
     * family kept together without a word.
     */
    public record Decision(String choice, String reason, String note, List<Boolean> childrenChosen) {

        public Decision(String choice, String reason, String note) {
            this(choice, reason, note, List.of());
        }

        boolean chosen(int slot) {
            return slot < childrenChosen.size() && Boolean.TRUE.equals(childrenChosen.get(slot));
        }
    }

    /** A child the decision separated, and what the child's process carries on with. */
    public record SeparatedChild(String caseNumber, Map<String, Object> variables) {
    }

    public record Reunified(String childCaseNumber, String parentCaseNumber, Instant reunifiedAt) {
    }

    private final CustodyCaseRepository cases;
    private final SeparationRepository separations;
    private final Timeline timeline;
    private final CustodyClocks clocks;
    private final Clock clock;

    public FamilySeparations(CustodyCaseRepository cases, SeparationRepository separations, Timeline timeline,
            CustodyClocks clocks, Clock clock) {
        this.cases = cases;
        this.separations = separations;
        this.timeline = timeline;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** The children of the family a separation would take from its adults; none when there is no adult or no child. */
    public List<CustodyCase> separableChildren(List<String> family) {
        List<CustodyCase> members = family.stream().map(cases::get).toList();
        if (members.stream().noneMatch(CustodyCase::isKnownAdult)) {
            return List.of();
        }
        Instant now = clock.instant();
        return members.stream().filter(member -> isChild(member, now)).toList();
    }

    /** Each child of the family as the approval form names it beside the checkbox that separates the child. */
    public List<String> eachChildInWords(List<String> family) {
        Instant now = clock.instant();
        return separableChildren(family).stream().map(child -> child.displayName() + " (age " + child.ageAt(now)
                + ", case " + child.caseNumber() + ")").toList();
    }

    /** The children the decision separates: those chosen, in the form's order. */
    private List<CustodyCase> chosenChildren(List<String> family, Decision decision) {
        List<CustodyCase> children = separableChildren(family);
        return java.util.stream.IntStream.range(0, children.size()).filter(decision::chosen)
                .mapToObj(children::get).toList();
    }

    /**
     * Refuses a decision that does not fit the family, naming the field, before anything is recorded: a separation
     * of a family without a child and an adult, without a reason from the list or without a note; a reason or note
     * for a family kept together.
     */
    public void check(List<String> family, Decision decision) {
        boolean separate = SEPARATE.equals(decision.choice());
        if (decision.choice() != null && !separate && !KEEP_TOGETHER.equals(decision.choice())) {
            throw new InvalidRequestException(FAMILY_SEPARATION, "must be " + words(FAMILY_SEPARATION, KEEP_TOGETHER)
                    + " or " + words(FAMILY_SEPARATION, SEPARATE));
        }
        List<CustodyCase> children = separableChildren(family);
        if (!separate) {
            if (decision.reason() != null) {
                throw new InvalidRequestException(SEPARATION_REASON, "is only for a family being separated; this"
                        + " family is kept together");
            }
            if (decision.note() != null) {
                throw new InvalidRequestException(SEPARATION_NOTE, "is only for a family being separated; this family"
                        + " is kept together");
            }
        }
        if (separate && children.isEmpty()) {
            throw new InvalidRequestException(FAMILY_SEPARATION, "only a family of a child and an adult can be"
                    + " separated; this case has no child to separate from an adult");
        }
        for (int slot = 0; slot < decision.childrenChosen().size(); slot++) {
            if (decision.chosen(slot) && (!separate || slot >= children.size())) {
                throw new InvalidRequestException(SEPARATE_CHILD_SLOTS.get(slot), separate
                        ? "names no child of this family" : "is only for a family being separated; this family is"
                        + " kept together");
            }
        }
        if (!separate) {
            return;
        }
        if (chosenChildren(family, decision).isEmpty()) {
            throw new InvalidRequestException(FAMILY_SEPARATION, "names no child to separate: tick each child who"
                    + " is separated from the adults");
        }
        var reasons = TaskForms.deployed().choicesOf(SEPARATION_REASON);
        if (decision.reason() == null || !reasons.containsKey(decision.reason())) {
            throw new InvalidRequestException(SEPARATION_REASON, "must be one of: " + String.join("; ",
                    reasons.values()));
        }
        if (decision.note() == null) {
            throw new InvalidRequestException(SEPARATION_NOTE, "is required: say what happened and what was"
                    + " considered, for the child's record and for ORR");
        }
        if (decision.note().length() > 1000) {
            throw new InvalidRequestException(SEPARATION_NOTE, "must be at most 1000 characters");
        }
    }

    /**
     * Carries out a checked separation: each child becomes an unaccompanied child to be transferred to HHS ORR, each
     * child and adult gets a separation row and every member a timeline entry saying who decided, why and what
     * follows. Returns the children, with what their processes carry on with; none for a family kept together.
     */
    public List<SeparatedChild> carryOut(String leadCaseNumber, List<String> family, Decision decision,
            String actor) {
        if (!SEPARATE.equals(decision.choice())) {
            return List.of();
        }
        Instant now = clock.instant();
        List<CustodyCase> children = chosenChildren(family, decision);
        List<CustodyCase> adults = family.stream().map(cases::get).filter(CustodyCase::isKnownAdult).toList();
        SeparationReason reason = SeparationReason.valueOf(decision.reason());
        String why = words(SEPARATION_REASON, reason.name()) + ": " + decision.note();
        Instant hhsBy = clocks.hhsNotificationDeadline(now);
        Instant orrBy = clocks.orrTransferDeadline(now);
        for (CustodyCase child : children) {
            cases.recordClassification(child.caseNumber(), Classification.UNACCOMPANIED_CHILD);
            cases.recordPlacement(child.caseNumber(), TRANSFER_TO_HHS_ORR);
            for (CustodyCase adult : adults) {
                separations.insert(child.eventNumber(), child.caseNumber(), adult.caseNumber(), reason,
                        decision.note(), now, actor);
            }
            timeline.record(child.caseNumber(), "FAMILY_SEPARATED", "Separated from " + names(adults)
                    + " by the supervisor's decision in case " + leadCaseNumber + ", because " + why
                    + "; now an unaccompanied child: HHS to be notified by " + CustodyProcessStarter.shown(hhsBy)
                    + ", transfer to HHS ORR by " + CustodyProcessStarter.shown(orrBy), actor);
            timeline.record(child.caseNumber(), "PLACEMENT_DECIDED", "Placement after the separation: "
                    + words(PLACEMENT, TRANSFER_TO_HHS_ORR), actor);
        }
        for (CustodyCase adult : adults) {
            timeline.record(adult.caseNumber(), "FAMILY_SEPARATED", "Separated from " + names(children)
                    + " by the supervisor's decision in case " + leadCaseNumber + ", because " + why
                    + "; " + (children.size() == 1 ? "the child goes" : "the children go")
                    + " to HHS ORR as unaccompanied " + (children.size() == 1 ? "child" : "children"), actor);
        }
        return children.stream().map(child -> new SeparatedChild(child.caseNumber(), ProcessData.of()
                        .with(SEPARATED_FROM_FAMILY, true)
                        .with(CLASSIFICATION, Classification.UNACCOMPANIED_CHILD.name())
                        .with(PLACEMENT, TRANSFER_TO_HHS_ORR)
                        .with(HHS_NOTIFICATION_DEADLINE, Date.from(hhsBy))
                        .with(ORR_TRANSFER_DEADLINE, Date.from(orrBy))
                        .with(SCREENING_DEADLINE, Date.from(clocks.screeningDeadline(now)))
                        .with(CONTIGUOUS_COUNTRY_NATIONAL, CustodyProcessStarter.isContiguousCountryNational(child))
                        .variables()))
                .toList();
    }

    /**
     * The child and the parent or legal guardian they were separated from are together again: recorded on both
     * timelines. Refused when the two were never separated (400 naming the parent's case) or are already reunified
     * (409).
     */
    @Transactional
    public Reunified reunify(String childCaseNumber, String parentCaseNumber, String note, String actor) {
        Separation separation = separations.find(childCaseNumber, parentCaseNumber)
                .orElseThrow(() -> new InvalidRequestException("parentCaseNumber", "case " + parentCaseNumber
                        + " is not a parent or legal guardian case " + childCaseNumber + " was separated from"));
        if (separation.reunified()) {
            throw new ConflictException("case " + childCaseNumber + " was reunified with case " + parentCaseNumber
                    + " on " + CustodyProcessStarter.shown(separation.reunifiedAt()));
        }
        Instant now = clock.instant();
        if (!separations.reunify(childCaseNumber, parentCaseNumber, now, actor, note)) {
            throw new ConflictException("the reunification of case " + childCaseNumber + " with case "
                    + parentCaseNumber + " was recorded at the same moment");
        }
        CustodyCase child = cases.get(childCaseNumber);
        CustodyCase parent = cases.get(parentCaseNumber);
        String apart = " after " + hoursBetween(separation.decidedAt(), now) + " hours apart: " + note;
        timeline.record(childCaseNumber, "FAMILY_REUNIFIED", "Reunified with " + names(List.of(parent)) + apart,
                actor);
        timeline.record(parentCaseNumber, "FAMILY_REUNIFIED", "Reunified with " + names(List.of(child)) + apart,
                actor);
        return new Reunified(childCaseNumber, parentCaseNumber, now);
    }

    /** The separations of the case, as the child or the adult. */
    public List<Separation> of(String caseNumber) {
        return separations.findOfCase(caseNumber);
    }

    private static final String TRANSFER_TO_HHS_ORR = "TRANSFER_TO_HHS_ORR";

    private static boolean isChild(CustodyCase member, Instant at) {
        Integer age = member.ageAt(at);
        return age != null && age < CustodyCase.AGE_OF_MAJORITY && member.status() == CaseStatus.IN_CBP_CUSTODY;
    }

    private static String names(List<CustodyCase> members) {
        return members.stream().map(member -> member.displayName() + " (case " + member.caseNumber() + ")")
                .collect(Collectors.joining(", "));
    }

    private static long hoursBetween(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toHours();
    }

    private static String words(String field, String code) {
        return TaskForms.deployed().wordsFor(field, code);
    }
}
