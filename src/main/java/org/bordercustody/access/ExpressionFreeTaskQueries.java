package org.bordercustody.access;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryValidators.AdhocQueryValidator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The engine's task service, whose ad hoc task queries (Camunda's REST API, the web apps, a filter's extending
 * query) refuse every expression, also inside or-queries, which Camunda's own {@link AdhocQueryValidator} does
 * not look into. Refused with 400 before anything is evaluated; stored filters keep their expressions, which
 * {@link QuerySandboxExpressionManager} confines.
 */
final class ExpressionFreeTaskQueries extends TaskServiceImpl {

    private static final Validator<AbstractQuery<?, ?>> NO_EXPRESSIONS = query -> {
        String expressions = ((TaskQueryImpl) query).getQueries().stream()
                .flatMap(part -> part.getExpressions().keySet().stream())
                .collect(Collectors.joining(", "));
        if (!expressions.isEmpty()) {
            throw new BadUserRequestException("Expressions are not accepted in task queries (" + expressions + ")");
        }
    };

    @Override
    public TaskQuery createTaskQuery() {
        TaskQueryImpl query = (TaskQueryImpl) super.createTaskQuery();
        query.addValidator(NO_EXPRESSIONS);
        return query;
    }

}
