package org.bordercustody.family;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Family facts gathered in the current transaction, by case number, gone with it. Outside a transaction nothing is
 * kept.
 */
final class GatheredFacts {

    private static final Object KEY = GatheredFacts.class;

    private GatheredFacts() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, FamilyFacts> inThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<String, FamilyFacts> gathered = (Map<String, FamilyFacts>) TransactionSynchronizationManager.getResource(KEY);
        if (gathered == null) {
            gathered = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, gathered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        return gathered;
    }

    /** Called before the facts change. */
    static void forget() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            inThisTransaction().clear();
        }
    }
}
