package dev.promptwise.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule with a page under {@code docs/rules/} has its own test class here, named after the rule
 * ({@code context-window-exceeded} → {@code ContextWindowExceededTest}), whose tests show through {@link RuleFixture}
 * the rule firing with an exact message and range and the rule staying quiet. This test runs each such class's tests
 * with a recorder, so a class that exists but checks nothing, or checks only one side, fails here.
 */
class RuleTestsTest {

    @Test
    void everyDocumentedRuleHasATestThatShowsItFiringAndQuiet() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> ids = documentedRules();
        assertTrue(ids.size() >= 17, "the rule pages were not found: " + ids);
        for (String id : ids) {
            String name = RuleTestsTest.class.getPackageName() + "." + className(id);
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException e) {
                problems.add("docs/rules/" + id + ".md has no test class " + name);
                continue;
            }
            Set<String> fired = new TreeSet<>();
            Set<String> quiet = new TreeSet<>();
            Set<String> others = new TreeSet<>();
            RuleFixture.recording((rule, expectedFindings) -> {
                if (!rule.equals(id)) {
                    others.add(rule);
                }
                (expectedFindings ? fired : quiet).add(rule);
            }, () -> runTests(type));
            if (!fired.contains(id)) {
                problems.add(type.getSimpleName() + " never checks an exact finding of " + id);
            }
            if (!quiet.contains(id)) {
                problems.add(type.getSimpleName() + " never checks that " + id + " stays quiet");
            }
            if (!others.isEmpty()) {
                problems.add(type.getSimpleName() + " checks other rules too: " + others);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void classNamesFollowTheRuleIds() {
        assertEquals("ContextWindowExceededTest", className("context-window-exceeded"));
        assertEquals("FineTuningPaysOffTest", className("fine-tuning-pays-off"));
    }

    /** Runs the class's {@code @Test} methods on a fresh instance each, as JUnit would; a failure fails this test. */
    private static void runTests(Class<?> type) {
        List<Method> tests = Stream.of(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class))
                .toList();
        if (tests.isEmpty()) {
            fail(type.getSimpleName() + " has no @Test method");
        }
        for (Method test : tests) {
            if (test.getParameterCount() > 0) {
                fail(type.getSimpleName() + "." + test.getName() + " takes parameters; per-rule tests take none");
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object instance = constructor.newInstance();
                test.setAccessible(true);
                test.invoke(instance);
            } catch (InvocationTargetException e) {
                throw new AssertionError(type.getSimpleName() + "." + test.getName() + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    static String className(String ruleId) {
        StringBuilder name = new StringBuilder();
        for (String part : ruleId.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name + "Test";
    }

    private static List<String> documentedRules() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/rules");
        try (Stream<Path> pages = Files.list(docs)) {
            return pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }
}
