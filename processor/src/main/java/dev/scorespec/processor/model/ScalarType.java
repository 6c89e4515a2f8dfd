package dev.scorespec.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * A plain value of a {@code @Standard} sample.
 *
 * @param javaType {@code long}, {@code Double}, {@code String}, {@code LocalDate}, ...
 * @param kind the JSON schema type and format
 * @param naive for date-times and times: whether the Java type has no offset ({@code LocalDateTime},
 *     {@code LocalTime}); such a value is documented as naive, never silently labelled UTC
 */
public record ScalarType(TypeName javaType, ScalarKind kind, boolean naive) implements ValueType {

    @Override
    public boolean needsUnion() {
        return false;
    }

    @Override
    public Optional<String> nestedObject() {
        return Optional.empty();
    }

    @Override
    public String noun() {
        return "a single " + kind.jsonType();
    }

    @Override
    public BatchPlan.Rows rows() {
        return BatchPlan.Rows.NONE;
    }

    @Override
    public String batchNoun() {
        return "a single value";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.scalar(this);
    }

    /**
     * The JSON Schema {@code format}: the kind's, except that a naive date-time or time says
     * {@code date-time-local} or {@code time-local} (OpenAPI format registry: RFC 3339 without the
     * offset), since {@code date-time} and {@code time} require an offset.
     */
    public Optional<String> jsonFormat() {
        if (naive && kind == ScalarKind.DATE_TIME) {
            return Optional.of("date-time-local");
        }
        if (naive && kind == ScalarKind.TIME) {
            return Optional.of("time-local");
        }
        return kind.jsonFormat();
    }
}
