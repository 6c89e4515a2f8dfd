package dev.scorespec.processor.emit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The locals of generated code that reads a JSON object field by field: for each field, one local for
 * its value and one flag for whether it came. Their names come from names the user chose (run's
 * parameters, record components, dtype fields), so they are chosen here, all at once: never equal to one
 * another nor to the names the method itself declares. A field named {@code hasData} beside one named
 * {@code data}, or one named {@code json}, gets a name of its own instead of breaking the binder.
 */
public final class FieldLocals {

    private final List<String> values = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    /**
     * @param fieldNames the JSON names of the fields, in order
     * @param declared what the method declares itself, in the scope of the locals: its parameters, its
     *     loop's {@code name}
     */
    public FieldLocals(List<String> fieldNames, Set<String> declared) {
        Set<String> taken = new HashSet<>(declared);
        // Values first: a flag bends to a field's name rather than the reverse, so values keep the names users expect.
        for (String field : fieldNames) {
            values.add(claim(BinderNames.javaName(field), taken));
        }
        for (String value : values) {
            flags.add(claim("has" + BinderNames.upper(value), taken));
        }
    }

    /** The local holding the value of field {@code index}. */
    public String value(int index) {
        return values.get(index);
    }

    /** The local that records whether field {@code index} came. */
    public String flag(int index) {
        return flags.get(index);
    }

    /** Each wanted name, in order, or a variant of it when an earlier one or {@code taken} has it already. */
    static List<String> distinct(List<String> wanted, Set<String> taken) {
        Set<String> claimed = new HashSet<>(taken);
        return wanted.stream().map(name -> claim(name, claimed)).toList();
    }

    private static String claim(String wanted, Set<String> taken) {
        if (taken.add(wanted)) {
            return wanted;
        }
        String name = wanted + "Value";
        for (int i = 2; !taken.add(name); i++) {
            name = wanted + "Value" + i;
        }
        return name;
    }
}
