package io.glasswarden.core;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Applies a JSON merge patch (RFC 7396) to the updatable view of a resource and returns the validated result, so
 * that a PATCH obeys exactly the rules of a create: unknown or read-only properties and invalid values are 400s.
 */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper json;
    private final Validator validator;

    MergePatcher(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("", "the body must be a JSON merge patch object");
        }
        T merged;
        try {
            merged = json.treeToValue(JsonMergePatch.apply(json.valueToTree(current), patch), type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(JsonPaths.of(e.getPath()), "unknown or read-only property");
        } catch (StorableInput.Refused e) {
            throw new InvalidInputException(JsonPaths.of(e.getPath()), e.problem());
        } catch (JsonMappingException e) {
            throw new InvalidInputException(JsonPaths.of(e.getPath()), "wrong type or format");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "the patch cannot be applied");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }
}
