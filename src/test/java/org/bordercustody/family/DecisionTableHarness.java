package org.bordercustody.family;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;

/** Evaluates one decision table of dmn/ and remembers which rules matched, so a test can prove each was hit. */
public final class DecisionTableHarness {

    public record Outcome(Object value, List<String> matchedRules) {
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final Set<String> hitRules = new HashSet<>();
    private final List<String> lastMatched = new ArrayList<>();

    public DecisionTableHarness(String resource, String decisionKey) {
        DmnDecisionTableEvaluationListener recorder = event -> {
            lastMatched.clear();
            event.getMatchingRules().forEach(rule -> lastMatched.add(rule.getId()));
            hitRules.addAll(lastMatched);
        };
        var configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(recorder));
        engine = configuration.buildEngine();
        try (InputStream model = getClass().getClassLoader().getResourceAsStream(resource)) {
            decision = engine.parseDecision(decisionKey, model);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A table with one output: its value. */
    public Outcome evaluate(Map<String, Object> variables) {
        Object value = engine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
        return new Outcome(value, List.copyOf(lastMatched));
    }

    /** A table with several outputs: the matched rule's outputs by name. */
    public Outcome evaluateResult(Map<String, Object> variables) {
        Object value = engine.evaluateDecisionTable(decision, variables).getSingleResult().getEntryMap();
        return new Outcome(value, List.copyOf(lastMatched));
    }

    public Set<String> ruleIds() {
        Set<String> ids = new HashSet<>();
        for (DmnDecisionTableRuleImpl rule : ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()) {
            ids.add(rule.getId());
        }
        return ids;
    }

    public Set<String> hitRules() {
        return Set.copyOf(hitRules);
    }
}
