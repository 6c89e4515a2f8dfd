package dev.scorespec.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Reports on a record component, or on an annotation of one. javac's {@code Messager} knows no source
 * position for record components (JDK 17 prints such a message without file or line), so the compiler's
 * tree API finds the component in its record's header: the field javac made from it. An annotation
 * that applies to record components only is no longer in that field's tree, but the field's modifiers
 * still start where the annotations did, so a message on them points at the annotation's line.
 */
final class RecordComponents {

    private RecordComponents() {}

    /**
     * Reports {@code text} on {@code component}, at {@code annotation} when it is given; false when the
     * record has no source here (it came from a class file) or the compiler is not javac.
     */
    static boolean report(
            ProcessingEnvironment env, String text, RecordComponentElement component, AnnotationMirror annotation) {
        try {
            Trees trees = Trees.instance(env);
            TreePath record = trees.getPath((TypeElement) component.getEnclosingElement());
            if (record == null || !(record.getLeaf() instanceof ClassTree tree)) {
                return false;
            }
            CompilationUnitTree unit = record.getCompilationUnit();
            for (Tree member : tree.getMembers()) {
                if (member instanceof VariableTree field && field.getName().contentEquals(component.getSimpleName())) {
                    trees.printMessage(Kind.ERROR, text, at(trees, unit, field, annotation), unit);
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }

    /** The annotation's tree if javac kept it, else the modifiers if they have a position, else the field. */
    private static Tree at(Trees trees, CompilationUnitTree unit, VariableTree field, AnnotationMirror annotation) {
        if (annotation == null) {
            return field;
        }
        String name = annotation.getAnnotationType().asElement().getSimpleName().toString();
        for (AnnotationTree tree : field.getModifiers().getAnnotations()) {
            String type = tree.getAnnotationType().toString();
            if (type.equals(name) || type.endsWith("." + name)) {
                return tree;
            }
        }
        SourcePositions positions = trees.getSourcePositions();
        return positions.getStartPosition(unit, field.getModifiers()) >= 0 ? field.getModifiers() : field;
    }
}
