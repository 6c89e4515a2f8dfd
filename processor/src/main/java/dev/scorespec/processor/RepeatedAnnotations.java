package dev.scorespec.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports on one of several repeated {@code @InputSchema} annotations. javac wraps them in a container
 * that has no source position, so {@code Messager} would point at the method; the compiler's tree API
 * finds the annotation itself. Off javac, the caller falls back to the method.
 */
final class RepeatedAnnotations {

    private RepeatedAnnotations() {}

    /** Reports {@code text} on the {@code index}-th {@code @InputSchema} of {@code method}; false if it cannot. */
    static boolean report(ProcessingEnvironment env, String text, Element method, int index) {
        try {
            Trees trees = Trees.instance(env);
            TreePath path = trees.getPath(method);
            if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
                return false;
            }
            List<? extends AnnotationTree> schemas = tree.getModifiers().getAnnotations().stream()
                    .filter(a -> a.getAnnotationType().toString().endsWith("InputSchema"))
                    .toList();
            if (index >= schemas.size()) {
                return false;
            }
            trees.printMessage(Kind.ERROR, text, schemas.get(index), path.getCompilationUnit());
            return true;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }
}
