package org.bordercustody.access;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.joda.time.DateTime;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager, with one difference: an expression evaluated without a variable scope is a
 * task query's (Camunda evaluates query and filter expressions, including those of or-queries, that way and no
 * other), and it runs in a sandbox. There it reaches Tasklist's functions ({@code currentUser()},
 * {@code currentUserGroups()}, {@code now()}, {@code dateTime()}) and date arithmetic on a {@code dateTime()},
 * nothing else: no bean, no variable, no method of any other object, so no class can be loaded and no code run.
 * Process models keep the full expression language.
 */
final class QuerySandboxExpressionManager extends SpringExpressionManager {

    private static final Set<String> DATE_ARITHMETIC = Set.of("plusYears", "plusMonths", "plusWeeks", "plusDays",
            "plusHours", "plusMinutes", "plusSeconds", "plusMillis", "minusYears", "minusMonths", "minusWeeks",
            "minusDays", "minusHours", "minusMinutes", "minusSeconds", "minusMillis", "withTimeAtStartOfDay",
            "toDate");

    QuerySandboxExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    public ELContext getElContext(VariableScope variableScope) {
        if (variableScope != null) {
            return super.getElContext(variableScope);
        }
        ensureInitialized();
        return new ProcessEngineElContext(functionMapper, new DateArithmeticOnly());
    }

    /** Resolves no name and no property; invokes only date arithmetic on Joda date-times. */
    private static final class DateArithmeticOnly extends ELResolver {

        private final BeanELResolver methods = new BeanELResolver(true);

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            if (base instanceof DateTime && method instanceof String name && DATE_ARITHMETIC.contains(name)) {
                return methods.invoke(context, base, method, types, params);
            }
            return null;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // nothing can be written from a query
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }
}
