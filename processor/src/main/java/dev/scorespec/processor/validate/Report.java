package dev.scorespec.processor.validate;

import dev.scorespec.processor.model.Location;
import java.util.ArrayList;
import java.util.List;

/** The diagnostics collected while validating one scoring class. */
public final class Report {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public void error(Location where, Message message, Object... args) {
        diagnostics.add(Diagnostic.of(where, message, args));
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
