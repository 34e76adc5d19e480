package io.glasswarden.tenants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.quartz.CronExpression;

/**
 * A Quartz cron expression (seconds first, e.g. {@code 0 0 *}{@code /6 * * ?}), as the scheduler will read it: at most
 * {@value #MAX_LENGTH} printable characters, and it must fire at least once after now (UTC). Quartz accepts expressions
 * that never fire ({@code 0 0 0 30 2 ?}, a past year) but then refuses to schedule them.
 */
@Documented
@Constraint(validatedBy = QuartzCron.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuartzCron {

    /** Longest expression accepted (the settings are stored as JSON, but a schedule needs no more). */
    int MAX_LENGTH = 120;

    String message() default "must be a Quartz cron expression such as '0 0 */6 * * ?'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid (the default applies). */
    class Validator implements ConstraintValidator<QuartzCron, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = problem(value, context.getClockProvider().getClock().instant());
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            });
            return problem.isEmpty();
        }

        /** Why this expression cannot be a tenant's schedule at {@code now}, or empty when it can. */
        public static Optional<String> problem(String cron, Instant now) {
            if (cron.length() > MAX_LENGTH) {
                return Optional.of("must be at most " + MAX_LENGTH + " characters");
            }
            if (cron.chars().anyMatch(Character::isISOControl)) {
                return Optional.of("must not contain control characters");
            }
            CronExpression expression;
            try {
                expression = new CronExpression(cron);
            } catch (ParseException | RuntimeException e) {
                return Optional.of("must be a Quartz cron expression such as '0 0 */6 * * ?'");
            }
            expression.setTimeZone(TimeZone.getTimeZone("UTC"));
            if (expression.getNextValidTimeAfter(Date.from(now)) == null) {
                return Optional.of("never fires after now (UTC); give a schedule with a future time");
            }
            return Optional.empty();
        }
    }
}
