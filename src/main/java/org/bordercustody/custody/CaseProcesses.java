package org.bordercustody.custody;

import java.util.List;

/**
 * The processes of a case, each with the case number as business key and the sector holding the person as tenant:
 * CBP custody, ORR's transfer of a child, ICE family custody, the release follow-up and the breach follow-ups. Whatever scopes, lists or counts a case's processes
 * names them from here.
 */
public final class CaseProcesses {

    public static final List<String> KEYS = List.of(CustodyProcess.KEY, OrrTransferProcess.KEY,
            IceFamilyCustodyProcess.KEY, ReleaseFollowUpProcess.KEY, BreachFollowUpProcess.KEY);

    public static boolean isCaseProcess(String processDefinitionKey) {
        return KEYS.contains(processDefinitionKey);
    }

    /** True for a process definition id ({@code key:version:id}) of a case's process. */
    public static boolean isCaseProcessDefinition(String processDefinitionId) {
        return processDefinitionId != null
                && KEYS.stream().anyMatch(key -> processDefinitionId.startsWith(key + ":"));
    }

    private CaseProcesses() {
    }
}
