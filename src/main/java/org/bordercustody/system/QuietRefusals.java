package org.bordercustody.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A user's answer refused by a form's rules is the user's to correct, not an error of the system: the engine's
 * ERROR line with a stack trace of some 270 lines for it becomes one INFO line naming the field and what is wrong.
 * Every other error is logged as the engine logs it.
 */
@Component
class QuietRefusals extends TurboFilter {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(QuietRefusals.class);

    QuietRefusals() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            setName("quiet-refusals");
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !logger.getName().startsWith("org.camunda.bpm.engine")) {
            return FilterReply.NEUTRAL;
        }
        FormFieldValidationException refusal = refusal(t != null ? t : lastThrowable(params));
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        Object field = refusal.getDetail();
        LOG.info("Answer refused, field {}: {}", field, refusal.getMessage());
        return FilterReply.DENY;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown
                ? thrown : null;
    }

    private static FormFieldValidationException refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FormFieldValidationException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
