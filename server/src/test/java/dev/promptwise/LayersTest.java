package dev.promptwise;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the layer invariants of ARCHITECTURE.md over the compiled classes, so that it sees every dependency: imports,
 * fully qualified names, method signatures and field types alike.
 */
class LayersTest {

    private static final String CORE = "dev.promptwise.core";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.promptwise");
    }

    /** Architecture invariant: no cycle among the packages of the core, sub-packages counted as packages of their own. */
    @Test
    void corePackagesHaveNoCycle() {
        slices().matching(CORE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /** Architecture invariant: the core's layers point one way, down; the edges sit above the core and beside each other. */
    @Test
    void layersPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ground").definedBy(CORE + ".text..", CORE + ".yaml..", CORE + ".config..")
                .layer("vocabulary").definedBy(CORE + ".vocabulary..")
                .layer("domain").definedBy(CORE + ".syntax..", CORE + ".tokens..", CORE + ".catalog..",
                        CORE + ".cost..", CORE + ".strategy..", CORE + ".advice..")
                .layer("semantics").definedBy(CORE + ".semantics..")
                .layer("rules and actions").definedBy(CORE + ".rules..", CORE + ".actions..")
                .layer("features").definedBy(CORE + ".features..")
                .layer("facade").definedBy(CORE + ".analysis..")
                .layer("edges").definedBy("dev.promptwise.lsp..", "dev.promptwise.cli..", "dev.promptwise.io..",
                        "dev.promptwise.imports..", "dev.promptwise.report..", "dev.promptwise")
                .whereLayer("edges").mayNotBeAccessedByAnyLayer()
                .whereLayer("facade").mayOnlyBeAccessedByLayers("edges")
                .whereLayer("features").mayOnlyBeAccessedByLayers("facade", "edges")
                .whereLayer("rules and actions").mayOnlyBeAccessedByLayers("features", "facade", "edges")
                .whereLayer("semantics").mayOnlyBeAccessedByLayers("rules and actions", "features", "facade", "edges")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("semantics", "rules and actions", "features", "facade",
                        "edges")
                .whereLayer("vocabulary").mayOnlyBeAccessedByLayers("domain", "semantics", "rules and actions",
                        "features", "facade", "edges")
                .check(classes);
    }

    /** Every package of the core belongs to a layer, so that a new package cannot slip past the layer rule. */
    @Test
    void everyCorePackageHasALayer() {
        Set<String> layered = Set.of("text", "yaml", "config", "vocabulary", "syntax", "tokens", "catalog", "cost",
                "strategy", "advice", "semantics", "rules", "actions", "features", "analysis");
        List<String> stray = new ArrayList<>();
        for (JavaClass type : classes) {
            String pkg = type.getPackageName();
            if (pkg.startsWith(CORE + ".")) {
                String top = pkg.substring(CORE.length() + 1).split("\\.")[0];
                if (!layered.contains(top) && !stray.contains(pkg)) {
                    stray.add(pkg);
                }
            }
        }
        assertEquals(List.of(), stray);
    }

    /**
     * Architecture invariant: no mutable static state under the core. A static field is final, and what it holds
     * cannot change: walked by reflection, it reaches no mutable collection, atomic, array with elements, or object of
     * ours with a field that is not final. State that changes lives in the objects the façade owns.
     */
    @Test
    void coreHasNoMutableStaticState() throws ReflectiveOperationException {
        List<String> offenders = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(CORE)) {
                continue;
            }
            for (JavaField field : type.getFields()) {
                if (!field.getModifiers().contains(JavaModifier.STATIC)
                        || field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                String name = type.getName() + "." + field.getName();
                if (!field.getModifiers().contains(JavaModifier.FINAL)) {
                    offenders.add(name + " is not final");
                    continue;
                }
                Field reflected = field.reflect();
                reflected.setAccessible(true);
                String problem = mutability(reflected.get(null), new IdentityHashMap<>(), 0);
                if (problem != null) {
                    offenders.add(name + " holds " + problem);
                }
            }
        }
        offenders.removeIf(offender -> SHARED_IMMUTABLE.keySet().stream().anyMatch(offender::startsWith));
        assertEquals(List.of(), offenders);
    }

    /**
     * The only static fields under the core whose values this test cannot see into, each with why it may be shared
     * by every analysis host: what it holds never changes once loaded, and no result depends on which host loaded
     * it. Everything that remembers anything lives in an {@code AnalysisHost}.
     */
    private static final Map<String, String> SHARED_IMMUTABLE = Map.of(
            "dev.promptwise.core.tokens.TokenCounter$O200kVocabulary.ENCODING",
            "jtokkit's o200k_base vocabulary: immutable and thread-safe once loaded (about half a second, so once per"
                    + " JVM, not per host); a count depends only on the text",
            "dev.promptwise.core.tokens.TokenCounter$Cl100kVocabulary.ENCODING",
            "jtokkit's cl100k_base vocabulary, as o200k_base's",
            "dev.promptwise.core.tokens.TokenCounter$P50kVocabulary.ENCODING",
            "jtokkit's p50k_base vocabulary (legacy completion models), as o200k_base's",
            "dev.promptwise.core.tokens.TokenCounter$R50kVocabulary.ENCODING",
            "jtokkit's r50k_base vocabulary (GPT-3's first models), as o200k_base's");

    /** The Jackson, jtokkit and JDK objects that are immutable, or thread-safe and without state that a result depends on. */
    private static final Set<String> KNOWN_IMMUTABLE = Set.of(
            "com.fasterxml.jackson.databind.ObjectReader", "com.fasterxml.jackson.databind.ObjectWriter",
            "java.util.regex.Pattern", "java.math.MathContext", "java.util.Locale", "java.lang.System$Logger",
            "java.text.DecimalFormatSymbols");

    /** Returns why a value reachable from a static field can change, or {@code null} when it cannot. */
    private static String mutability(Object value, Map<Object, Boolean> seen, int depth)
            throws IllegalAccessException {
        if (value == null || depth > 12 || seen.put(value, Boolean.TRUE) != null) {
            return null;
        }
        Class<?> type = value.getClass();
        String typeName = type.getName();
        if (type.isPrimitive() || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof Class<?>
                || KNOWN_IMMUTABLE.contains(typeName) || typeName.startsWith("java.lang.System$Logger")
                || System.Logger.class.isInstance(value)) {
            return null;
        }
        if (type.isArray()) {
            return Array.getLength(value) == 0 ? null : "an array (" + type.getSimpleName() + ")";
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            boolean unmodifiable = typeName.startsWith("java.util.ImmutableCollections$")
                    || typeName.startsWith("java.util.Collections$Unmodifiable")
                    || typeName.startsWith("java.util.Collections$Empty")
                    || typeName.startsWith("java.util.Collections$Singleton");
            if (!unmodifiable) {
                return "a mutable " + typeName;
            }
            Iterable<?> elements = value instanceof Map<?, ?> map
                    ? concat(map.keySet(), map.values()) : (Collection<?>) value;
            for (Object element : elements) {
                String problem = mutability(element, seen, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (typeName.startsWith("java.util.concurrent.") || typeName.startsWith("java.lang.Thread")) {
            return "a " + typeName;
        }
        if (!typeName.startsWith("dev.promptwise.")) {
            return typeName.startsWith("java.") ? null : "a " + typeName + " whose state is not known";
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                if (!Modifier.isFinal(f.getModifiers())) {
                    return "a " + typeName + " with the non-final field " + f.getName();
                }
                f.setAccessible(true);
                String problem = mutability(f.get(value), seen, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static List<Object> concat(Collection<?> a, Collection<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
