package dev.promptwise.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

/**
 * YAML tags that name Java types ({@code !!com.example.Type}) build nothing: the reader composes nodes and never
 * constructs objects, whether the YAML is a strategy file, a front matter or a YAML prompt. A canary class counts
 * its constructions; a tag naming it must leave the count at zero.
 */
class YamlTagsTest {

    /** Counts how often YAML built one; public with a public constructor, so that a constructor could. */
    public static final class Canary {

        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        public Canary() {
            CONSTRUCTED.incrementAndGet();
        }

        public Canary(String argument) {
            CONSTRUCTED.incrementAndGet();
        }
    }

    private static final String TAG = "!!" + Canary.class.getName();
    private static final PromptwiseAnalysis CORE = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });

    @Test
    void tagsNamingJavaTypesConstructNothing() {
        String yaml = "model: " + TAG + " []\nname: !!" + Canary.class.getName() + " [x]\n"
                + "other: !<tag:yaml.org,2002:" + Canary.class.getName() + "> { }\n"
                + "engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n";
        YamlReader.read(yaml);
        CORE.analyzeStrategy(CORE.parseStrategy("promptwise.yaml", "version: 1\n" + yaml), Settings.DEFAULTS,
                StrategyWorkspace.EMPTY, Cancellation.NONE);
        CORE.diagnostics(CORE.analyze("prompts/tagged.prompty", PromptFormat.PROMPTY,
                "---\n" + yaml + "---\nsystem:\nHi\n", Settings.DEFAULTS), Cancellation.NONE);
        CORE.diagnostics(CORE.analyze("prompts/tagged.prompt.yml", PromptFormat.GITHUB_MODELS,
                yaml + "messages:\n  - role: system\n    content: Hi\n", Settings.DEFAULTS), Cancellation.NONE);
        assertEquals(0, Canary.CONSTRUCTED.get());
        // The canary can count: SnakeYAML's constructor, allowed to build any tag, builds it from the same text.
        LoaderOptions anyTag = new LoaderOptions();
        anyTag.setTagInspector(tag -> true);
        new Yaml(new Constructor(anyTag)).load("model: " + TAG + " []\n");
        assertEquals(1, Canary.CONSTRUCTED.getAndSet(0));
    }
}
