package io.glasswarden.tenants;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.quartz.CronExpression;

/** A Quartz cron expression (seconds first, e.g. {@code 0 0 *}{@code /6 * * ?}), as the scheduler will read it. */
@Documented
@Constraint(validatedBy = QuartzCron.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuartzCron {

    String message() default "must be a Quartz cron expression such as '0 0 */6 * * ?'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid (the default applies). */
    class Validator implements ConstraintValidator<QuartzCron, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CronExpression.isValidExpression(value);
        }
    }
}
