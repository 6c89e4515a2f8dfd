package dev.scorespec.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.scorespec.processor.read.Annotations;
import dev.scorespec.processor.validate.Message;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports ScoreSpec annotations on local and anonymous classes. Annotation processing never sees
 * those classes (the round lists only top-level and member types), so without this check their
 * annotations would be silently ignored; the compiler's tree API finds them in the source. Off javac
 * the check is skipped.
 */
final class LocalClasses {

    /** The annotations that make a scoring class. */
    private static final Set<String> SCORING_ANNOTATIONS = Set.of(
            Annotations.INPUT_SCHEMA,
            Annotations.INPUT_SCHEMAS,
            Annotations.OUTPUT_SCHEMA,
            Annotations.INIT,
            Annotations.SCORING_SERVICE,
            Annotations.RAW_HTTP,
            Annotations.REQUEST_HEADERS);

    private LocalClasses() {}

    /** Reports every ScoreSpec annotation on a local or anonymous class in the source of {@code root}. */
    static void report(ProcessingEnvironment env, Element root) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            return;
        }
        TreePath path = trees.getPath(root);
        if (path == null) {
            return;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        boolean imported = unit.getImports().stream()
                .map(ImportTree::getQualifiedIdentifier)
                .map(Tree::toString)
                .anyMatch(i -> i.equals(Annotations.PACKAGE + ".*") || SCORING_ANNOTATIONS.contains(i));
        new TreeScanner<Void, Boolean>() {
            @Override
            public Void visitClass(ClassTree type, Boolean inBody) {
                if (inBody) {
                    String which = type.getSimpleName().isEmpty()
                            ? "an anonymous class"
                            : "the local class " + type.getSimpleName();
                    check(type.getModifiers(), which);
                    for (Tree member : type.getMembers()) {
                        if (member instanceof MethodTree method) {
                            check(method.getModifiers(), which);
                            method.getParameters().forEach(p -> check(p.getModifiers(), which));
                        }
                    }
                }
                // Members are declarations again; their bodies are where local classes live.
                scan(type.getMembers(), false);
                return null;
            }

            @Override
            public Void visitMethod(MethodTree method, Boolean inBody) {
                scan(method.getBody(), true);
                return null;
            }

            @Override
            public Void visitBlock(BlockTree block, Boolean inBody) {
                return super.visitBlock(block, true);
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree lambda, Boolean inBody) {
                return super.visitLambdaExpression(lambda, true);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Boolean inBody) {
                scan(creation.getArguments(), inBody);
                scan(creation.getClassBody(), true);
                return null;
            }

            private void check(ModifiersTree modifiers, String which) {
                for (AnnotationTree annotation : modifiers.getAnnotations()) {
                    String name = annotation.getAnnotationType().toString();
                    String simple = name.substring(name.lastIndexOf('.') + 1);
                    if (SCORING_ANNOTATIONS.contains(name)
                            || (imported && SCORING_ANNOTATIONS.contains(Annotations.PACKAGE + "." + simple))) {
                        trees.printMessage(Kind.ERROR, Message.LOCAL_CLASS.format(simple, which), annotation, unit);
                    }
                }
            }
        }.scan(path.getLeaf(), false);
    }
}
