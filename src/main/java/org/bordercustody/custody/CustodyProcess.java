package org.bordercustody.custody;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The migrant custody process: its key, the element ids code refers to, its messages and the names of the
 * few variables it routes on. Everything else about a person lives in the case tables.
 */
public final class CustodyProcess {

    public static final String KEY = "migrantCustody";
    /** The model's version tag: running cases of older versions are migrated to it ({@link ProcessMigrations}). */
    public static final String VERSION_TAG = "2026.12-processes";

    public static final class Elements {
        public static final String TASK_RECORD_INTAKE = "Task_RecordIntake";
        public static final String EVENT_FAMILY_INTAKE_COMPLETED = "Event_FamilyIntakeCompleted";
        public static final String TASK_ESTABLISH_FAMILY_STATUS = "Task_EstablishFamilyStatus";
        public static final String TASK_REVIEW_APPROACHING_CUSTODY_LIMIT = "Task_ReviewApproachingCustodyLimit";
        public static final String TASK_ESCALATE_CUSTODY_LIMIT_BREACH = "Task_EscalateCustodyLimitBreach";
        /** The review of a case nearing the limit ends when the limit is reached: the breach follow-up takes over. */
        public static final String TIMER_CUSTODY_LIMIT_REACHED_BEFORE_REVIEW = "Timer_CustodyLimitReachedBeforeReview";
        public static final String TIMER_CUSTODY_WARNING_REACHED = "Timer_CustodyWarningReached";
        public static final String TIMER_CUSTODY_LIMIT_REACHED = "Timer_CustodyLimitReached";
        /** HHS ORR's part of an unaccompanied child's case ({@link OrrTransferProcess}); its clock is on the call. */
        public static final String CALL_TRANSFER_CHILD_TO_ORR = "CallActivity_TransferChildToOrr";
        public static final String TIMER_ORR_TRANSFER_OVERDUE = "Timer_OrrTransferOverdue";
        public static final String TASK_ESCALATE_LATE_ORR_TRANSFER = "Task_EscalateLateOrrTransfer";
        public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";
        public static final String EVENT_FAMILY_OUTCOME_CARRIED_OUT = "Event_FamilyOutcomeCarriedOut";
        public static final String TASK_APPROVE_CUSTODY_OUTCOME = "Task_ApproveCustodyOutcome";
        public static final String TASK_RECORD_INTENDED_ADDRESS = "Task_RecordIntendedAddress";
        public static final String TASK_REVIEW_RECURRING_ADDRESS = "Task_ReviewRecurringAddress";
        public static final String TASK_ISSUE_RELEASE_DOCUMENTS = "Task_IssueReleaseDocuments";
        public static final String END_RELEASED = "EndEvent_Released";
        public static final String TASK_PREPARE_ICE_TRANSFER = "Task_PrepareIceTransfer";
        public static final String TASK_ACCEPT_ICE_TRANSFER = "Task_AcceptIceTransfer";
        public static final String END_TRANSFERRED_TO_ICE = "EndEvent_TransferredToIce";
        public static final String TASK_RECORD_REMOVAL = "Task_RecordRemoval";
        public static final String END_REMOVED = "EndEvent_Removed";
        public static final String END_TRANSFERRED_TO_ORR = "EndEvent_TransferredToOrr";
        public static final String END_CHILD_RETURNED = "EndEvent_ChildReturned";
        /** A released person's case goes on in the release follow-up ({@link ReleaseFollowUpProcess}). */
        public static final String END_RELEASED_TO_FOLLOW_UP = "EndEvent_ReleasedToFollowUp";
        /** A family transferred to ICE family custody goes on in its own process ({@link IceFamilyCustodyProcess}). */
        public static final String END_TRANSFERRED_TO_ICE_FAMILY_CUSTODY = "EndEvent_TransferredToIceFamilyCustody";

        private Elements() {
        }
    }

    public static final class Messages {
        public static final String FAMILY_INTAKE_COMPLETED = "familyIntakeCompleted";
        public static final String FAMILY_OUTCOME_CARRIED_OUT = "familyOutcomeCarriedOut";

        private Messages() {
        }
    }

    /**
     * Process variable names, each declared once with its type and whether the process keeps it ({@link Declared},
     * {@link ProcessData}). The values shown on forms about the case (name, clocks in words, address) are not
     * process data: {@link ShownOnForms} reads them from the case tables when a form opens.
     */
    public static final class Variables {
        // set when the case starts
        @Declared(String.class)
        public static final String CASE_NUMBER = "caseNumber";
        /** The sector holding the person, when a process of the case starts: its engine tenant ({@link CaseSectorTenants}). */
        @Declared(String.class)
        public static final String CASE_SECTOR = "caseSector";
        @Declared(String.class)
        public static final String PERSON_NAME = "personName";
        /** Shown: age, sex and nationality in words. */
        @Declared(String.class)
        public static final String PERSON_FACTS = "personFacts";
        /** Shown: the clock of the current custody phase in words (CBP hours and limit, Flores limit, check-in). */
        @Declared(String.class)
        public static final String CUSTODY_CLOCK = "custodyClock";
        /** Shown: true for a person known to be under 18, whose intake asks no adult-only questions. */
        @Declared(Boolean.class)
        public static final String PERSON_IS_CHILD = "personIsChild";
        /** Shown: what intake found, in words, for the decisions after it. */
        @Declared(String.class)
        public static final String INTAKE_FACTS = "intakeFacts";
        /** Shown: what the family status decision lacked, in words. */
        @Declared(String.class)
        public static final String MISSING_FACTS = "missingFacts";
        /** Shown: true when the date of birth is on record, so that it is not asked again. */
        @Declared(Boolean.class)
        public static final String DATE_OF_BIRTH_KNOWN = "dateOfBirthKnown";
        /** Shown: the other family members a lead's decision covers, or nothing. */
        @Declared(String.class)
        public static final String FAMILY_COVERED = "familyCovered";
        /** Shown: a link to the family page of the case, for a person apprehended with others; nothing otherwise. */
        @Declared(String.class)
        public static final String FAMILY_LINK = "familyLink";
        @Declared(value = Date.class, kept = true)
        public static final String CUSTODY_WARNING_AT = "custodyWarningAt";
        @Declared(value = Date.class, kept = true)
        public static final String CUSTODY_DEADLINE = "custodyDeadline";
        @Declared(Date.class)
        public static final String INTAKE_DUE = "intakeDue";
        @Declared(value = Date.class, kept = true)
        public static final String HHS_NOTIFICATION_DEADLINE = "hhsNotificationDeadline";
        @Declared(value = Date.class, kept = true)
        public static final String SCREENING_DEADLINE = "screeningDeadline";
        @Declared(value = Boolean.class, kept = true)
        public static final String CONTIGUOUS_COUNTRY_NATIONAL = "contiguousCountryNational";
        @Declared(Integer.class)
        public static final String TENDER_AGE_THRESHOLD = "tenderAgeThreshold";
        /** Where the person went on leaving CBP custody: see {@link CustodyExit}. */
        @Declared(String.class)
        public static final String CUSTODY_EXIT = "custodyExit";
        // intake
        @Declared(String.class)
        public static final String BIOMETRICS_STATUS = "biometricsStatus";
        @Declared(String.class)
        public static final String RECORDS_CHECK_RESULT = "recordsCheckResult";
        @Declared(String.class)
        public static final String MEDICAL_SCREENING = "medicalScreening";
        @Declared(Boolean.class)
        public static final String FAMILY_RELATIONSHIP_VERIFIED = "familyRelationshipVerified";
        @Declared(String.class)
        public static final String PROCESSING_PATHWAY = "processingPathway";
        // who the person is: identifiers captured at intake, the answer to a probable match
        @Declared(String.class)
        public static final String A_NUMBER = "aNumber";
        @Declared(String.class)
        public static final String FIN = "fin";
        @Declared(String.class)
        public static final String DOCUMENT_TYPE = "documentType";
        @Declared(String.class)
        public static final String DOCUMENT_NUMBER = "documentNumber";
        @Declared(String.class)
        public static final String DOCUMENT_COUNTRY = "documentCountry";
        @Declared(String.class)
        public static final String SAME_PERSON_AS_EARLIER = "samePersonAsEarlier";
        /** Shown: the earlier encounter intake asks about ("Same person as ...?"), in words, or nothing. */
        @Declared(String.class)
        public static final String PROBABLE_MATCH = "probableMatch";
        /** Shown: the identifiers on record, in words, or nothing. */
        @Declared(String.class)
        public static final String IDENTIFIERS_KNOWN = "identifiersKnown";
        /** Shown: the person's earlier encounters (when, where, outcome, a missed check-in), in words. */
        @Declared(String.class)
        public static final String EARLIER_ENCOUNTERS = "earlierEncounters";
        /** Decision input: the person, or an adult of the family, missed the check-in after an earlier release. */
        @Declared(Boolean.class)
        public static final String MISSED_EARLIER_CHECK_IN = "missedEarlierCheckIn";
        @Declared(String.class)
        public static final String FLIGHT_RISK = "flightRisk";
        // family facts, inputs of the family status and placement decisions
        @Declared(Boolean.class)
        public static final String FAMILY_INTAKE_COMPLETE = "familyIntakeComplete";
        @Declared(Integer.class)
        public static final String AGE_AT_APPREHENSION = "ageAtApprehension";
        @Declared(String.class)
        public static final String COMPANION_RELATIONSHIP = "companionRelationship";
        @Declared(Boolean.class)
        public static final String CARES_FOR_ACCOMPANIED_CHILD = "caresForAccompaniedChild";
        @Declared(Integer.class)
        public static final String FAMILY_SIZE = "familySize";
        @Declared(Integer.class)
        public static final String YOUNGEST_CHILD_AGE = "youngestChildAge";
        @Declared(Boolean.class)
        public static final String FAMILY_MEDICALLY_VULNERABLE = "familyMedicallyVulnerable";
        @Declared(String.class)
        public static final String ADULTS_RECORDS_CHECK = "adultsRecordsCheck";
        @Declared(value = Boolean.class, kept = true)
        public static final String FAMILY_DECISION_LEAD = "familyDecisionLead";
        // establish family status
        @Declared(Date.class)
        public static final String DATE_OF_BIRTH = "dateOfBirth";
        @Declared(Boolean.class)
        public static final String DATE_OF_BIRTH_ESTIMATED = "dateOfBirthEstimated";
        @Declared(String.class)
        public static final String FAMILY_FACTS_SOURCE = "familyFactsSource";
        // decisions
        @Declared(String.class)
        public static final String CLASSIFICATION = "classification";
        @Declared(String.class)
        public static final String PLACEMENT = "placement";
        // release or transfer
        @Declared(Boolean.class)
        public static final String DETENTION_BEDS_AVAILABLE = "detentionBedsAvailable";
        @Declared(Map.class)
        public static final String RELEASE_PROPOSAL = "releaseProposal";
        @Declared(String.class)
        public static final String PROPOSED_OUTCOME = "proposedOutcome";
        @Declared(String.class)
        public static final String PROPOSAL_REASON = "proposalReason";
        @Declared(String.class)
        public static final String APPROVE_PROPOSAL = "approveProposal";
        @Declared(String.class)
        public static final String OVERRIDE_OUTCOME = "overrideOutcome";
        @Declared(String.class)
        public static final String OVERRIDE_REASON = "overrideReason";
        @Declared(String.class)
        public static final String CUSTODY_OUTCOME = "custodyOutcome";
        /** Shown: the children of a family a separation would concern, in words, or nothing. */
        @Declared(String.class)
        public static final String FAMILY_CHILDREN = "familyChildren";
        /** The supervisor keeps the family together or separates the children from the adults. */
        @Declared(String.class)
        public static final String FAMILY_SEPARATION = "familySeparation";
        @Declared(String.class)
        public static final String SEPARATION_REASON = "separationReason";
        @Declared(String.class)
        public static final String SEPARATION_NOTE = "separationNote";
        /**
         * Shown: each child of a family a separation may concern, in a slot of the approval form beside the checkbox
         * that separates that child; eight slots.
         */
        @Declared(String.class)
        public static final String FAMILY_CHILD_1 = "familyChild1";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_1 = "separateChild1";
        @Declared(String.class)
        public static final String FAMILY_CHILD_2 = "familyChild2";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_2 = "separateChild2";
        @Declared(String.class)
        public static final String FAMILY_CHILD_3 = "familyChild3";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_3 = "separateChild3";
        @Declared(String.class)
        public static final String FAMILY_CHILD_4 = "familyChild4";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_4 = "separateChild4";
        @Declared(String.class)
        public static final String FAMILY_CHILD_5 = "familyChild5";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_5 = "separateChild5";
        @Declared(String.class)
        public static final String FAMILY_CHILD_6 = "familyChild6";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_6 = "separateChild6";
        @Declared(String.class)
        public static final String FAMILY_CHILD_7 = "familyChild7";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_7 = "separateChild7";
        @Declared(String.class)
        public static final String FAMILY_CHILD_8 = "familyChild8";
        @Declared(Boolean.class)
        public static final String SEPARATE_CHILD_8 = "separateChild8";
        public static final List<String> FAMILY_CHILDREN_SLOTS = List.of(FAMILY_CHILD_1, FAMILY_CHILD_2,
                FAMILY_CHILD_3, FAMILY_CHILD_4, FAMILY_CHILD_5, FAMILY_CHILD_6, FAMILY_CHILD_7, FAMILY_CHILD_8);
        public static final List<String> SEPARATE_CHILD_SLOTS = List.of(SEPARATE_CHILD_1, SEPARATE_CHILD_2,
                SEPARATE_CHILD_3, SEPARATE_CHILD_4, SEPARATE_CHILD_5, SEPARATE_CHILD_6, SEPARATE_CHILD_7,
                SEPARATE_CHILD_8);
        /** Given to a child's process by the separation: it leaves the family's wait for the transfer to ORR. */
        @Declared(Boolean.class)
        public static final String SEPARATED_FROM_FAMILY = "separatedFromFamily";
        @Declared(String.class)
        public static final String ADDRESS_STREET = "addressStreet";
        @Declared(String.class)
        public static final String ADDRESS_UNIT = "addressUnit";
        @Declared(String.class)
        public static final String ADDRESS_BUILDING_TYPE = "addressBuildingType";
        @Declared(String.class)
        public static final String ADDRESS_CITY = "addressCity";
        @Declared(String.class)
        public static final String ADDRESS_STATE = "addressState";
        @Declared(String.class)
        public static final String ADDRESS_ZIP = "addressZip";
        @Declared(String.class)
        public static final String CONTACT_PHONE = "contactPhone";
        @Declared(Boolean.class)
        public static final String ADDRESS_RECURRING = "addressRecurring";
        @Declared(Long.class)
        public static final String ADDRESS_RELEASE_COUNT = "addressReleaseCount";
        @Declared(String.class)
        public static final String RELEASE_ADDRESS_TEXT = "releaseAddressText";
        @Declared(String.class)
        public static final String RECURRING_ADDRESS_ACCEPTED = "recurringAddressAccepted";
        @Declared(String.class)
        public static final String RELEASE_DOCUMENTS = "releaseDocuments";
        @Declared(String.class)
        public static final String RELEASE_DOCUMENT_NUMBER = "releaseDocumentNumber";
        @Declared(String.class)
        public static final String DOCUMENTS_DIFFER_REASON = "documentsDifferReason";
        /**
         * Shown: the other members of a family released together, each in a slot of the documents form beside the
         * number of the document issued to them; eight slots, a family of nine.
         */
        @Declared(String.class)
        public static final String FAMILY_MEMBER_1 = "familyMember1";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_1_DOCUMENT_NUMBER = "familyMember1DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_2 = "familyMember2";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_2_DOCUMENT_NUMBER = "familyMember2DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_3 = "familyMember3";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_3_DOCUMENT_NUMBER = "familyMember3DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_4 = "familyMember4";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_4_DOCUMENT_NUMBER = "familyMember4DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_5 = "familyMember5";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_5_DOCUMENT_NUMBER = "familyMember5DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_6 = "familyMember6";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_6_DOCUMENT_NUMBER = "familyMember6DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_7 = "familyMember7";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_7_DOCUMENT_NUMBER = "familyMember7DocumentNumber";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_8 = "familyMember8";
        @Declared(String.class)
        public static final String FAMILY_MEMBER_8_DOCUMENT_NUMBER = "familyMember8DocumentNumber";
        public static final List<String> FAMILY_MEMBERS = List.of(FAMILY_MEMBER_1, FAMILY_MEMBER_2, FAMILY_MEMBER_3,
                FAMILY_MEMBER_4, FAMILY_MEMBER_5, FAMILY_MEMBER_6, FAMILY_MEMBER_7, FAMILY_MEMBER_8);
        public static final List<String> FAMILY_MEMBER_DOCUMENT_NUMBERS = List.of(FAMILY_MEMBER_1_DOCUMENT_NUMBER,
                FAMILY_MEMBER_2_DOCUMENT_NUMBER, FAMILY_MEMBER_3_DOCUMENT_NUMBER, FAMILY_MEMBER_4_DOCUMENT_NUMBER,
                FAMILY_MEMBER_5_DOCUMENT_NUMBER, FAMILY_MEMBER_6_DOCUMENT_NUMBER, FAMILY_MEMBER_7_DOCUMENT_NUMBER,
                FAMILY_MEMBER_8_DOCUMENT_NUMBER);
        @Declared(value = String.class, kept = true)
        public static final String ICE_FACILITY = "iceFacility";
        @Declared(String.class)
        public static final String ICE_BOOK_IN_NUMBER = "iceBookInNumber";
        @Declared(String.class)
        public static final String DEPARTURE_PORT = "departurePort";
        // after release
        @Declared(value = Date.class, kept = true)
        public static final String CHECK_IN_DUE_BY = "checkInDueBy";
        @Declared(String.class)
        public static final String CHECK_IN_DUE_BY_TEXT = "checkInDueByText";
        @Declared(Date.class)
        public static final String CHECK_IN_REPORTED_AT = "checkInReportedAt";
        @Declared(String.class)
        public static final String CHECK_IN_OFFICE = "checkInOffice";
        @Declared(String.class)
        public static final String CHECK_IN_RECORDED_BY = "checkInRecordedBy";
        /** The case of the parent a child reported with; nothing for a person who reported for themselves. */
        @Declared(String.class)
        public static final String CHECK_IN_WITH = "checkInWith";
        /** A child who missed the check-in with a parent whom ICE looks for: the parent's search covers the child. */
        @Declared(Boolean.class)
        public static final String LOCATED_WITH_PARENT = "locatedWithParent";
        /** The parent's search ended without the child: the child is to be located on their own. */
        @Declared(Boolean.class)
        public static final String CHILD_STILL_TO_LOCATE = "childStillToLocate";
        // ICE family custody
        @Declared(value = Date.class, kept = true)
        public static final String FLORES_DEADLINE = "floresDeadline";
        @Declared(String.class)
        public static final String FLORES_DEADLINE_TEXT = "floresDeadlineText";
        @Declared(value = String.class, kept = true)
        public static final String ICE_FAMILY_OUTCOME = "iceFamilyOutcome";
        @Declared(value = String.class, kept = true)
        public static final String ICE_FAMILY_OUTCOME_REASON = "iceFamilyOutcomeReason";
        // unaccompanied children
        @Declared(value = Date.class, kept = true)
        public static final String ORR_TRANSFER_DEADLINE = "orrTransferDeadline";
        @Declared(String.class)
        public static final String SCREENING_OUTCOME = "screeningOutcome";
        @Declared(value = String.class, kept = true)
        public static final String ORR_FACILITY = "orrFacility";
        @Declared(value = String.class, kept = true)
        public static final String ORR_PLACEMENT_TYPE = "orrPlacementType";
        /** Who designated the placement through the case API (ORR's system or a liaison); the form's user otherwise. */
        @Declared(String.class)
        public static final String ORR_PLACEMENT_BY = "orrPlacementBy";
        // answers the timeline keeps and nothing routes on
        @Declared(String.class)
        public static final String HHS_REFERRAL_ID = "hhsReferralId";
        @Declared(value = String.class, kept = true)
        public static final String TRANSFER_RECORD = "transferRecord";
        @Declared(String.class)
        public static final String LOCATE_OUTCOME = "locateOutcome";
        @Declared(String.class)
        public static final String LOCATE_NOTES = "locateNotes";
        /** Why a legal clock's deadline was missed: a code of {@link BreachCause}. */
        @Declared(String.class)
        public static final String OVERDUE_CAUSE = "overdueCause";
        /** The cause in the supervisor's own words; required when the cause is "Other". */
        @Declared(String.class)
        public static final String OVERDUE_CAUSE_DETAILS = "overdueCauseDetails";
        @Declared(String.class)
        public static final String OVERDUE_ACTION = "overdueAction";
        @Declared(String.class)
        public static final String SCREENING_NOTES = "screeningNotes";
        @Declared(String.class)
        public static final String RECURRING_ADDRESS_NOTES = "recurringAddressNotes";
        @Declared(String.class)
        public static final String ORR_RECEIVED_BY = "orrReceivedBy";
        @Declared(String.class)
        public static final String CUSTODY_REVIEW_ACTION = "custodyReviewAction";
        // escalation: the clock that ran out (task-local in the custody process, kept by its breach follow-up)
        @Declared(value = String.class, kept = true)
        public static final String BREACHED_CLOCK = "breachedClock";
        /** When the breached clock ran out; the follow-up's task is due by it. */
        @Declared(value = Date.class, kept = true)
        public static final String BREACH_DUE_AT = "breachDueAt";
        /** Shown: the clock that ran out and when, in words. */
        @Declared(String.class)
        public static final String BREACHED_CLOCK_WORDS = "breachedClockWords";

        private Variables() {
        }
    }

    private CustodyProcess() {
    }
}
