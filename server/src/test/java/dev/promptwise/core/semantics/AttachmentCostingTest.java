package dev.promptwise.core.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.syntax.Attachment;
import dev.promptwise.testing.TestWorkspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What files, tools and images add to each request: each provider's image rule against the worked examples of its
 * own documentation, OpenAI's tool count against a count made here with jtokkit, file defaults as their text, and
 * what cannot be priced listed as such, never counted as nothing in silence.
 */
class AttachmentCostingTest {

    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    private static String prompty(String model, String front, String body) {
        return "---\nname: t\nmodel:\n  id: " + model + "\n" + front + "---\nsystem:\n" + body;
    }

    @Test
    void openAiImagesFollowTheTileAndPatchRulesOfItsGuide() {
        // "Images and vision", calculating costs: 1024 x 1024 at detail high is 4 tiles, 765 tokens on gpt-4o.
        assertEquals(765, AttachmentCosting.openAiImage(1024, 1024, "gpt-4o"));
        // 2048 x 4096: fits in 2048 as 1024 x 2048, short side to 768: 768 x 1536, 6 tiles, 1,105 tokens.
        assertEquals(1105, AttachmentCosting.openAiImage(2048, 4096, "gpt-4o"));
        // A small image is one tile.
        assertEquals(85 + 170, AttachmentCosting.openAiImage(300, 200, "gpt-4.1"));
        // gpt-4o-mini bills images at a base of 2,833 and 5,667 per tile.
        assertEquals(2833 + 5667 * 4, AttachmentCosting.openAiImage(1024, 1024, "gpt-4o-mini"));
        // The patch models: 1024 x 1024 is 1,024 patches of 32 px; 1800 x 2400 is scaled to 1,452 patches.
        assertEquals(1024, AttachmentCosting.patches(1024, 1024));
        assertEquals(1452, AttachmentCosting.patches(1800, 2400));
        assertEquals((int) Math.ceil(1024 * 1.62), AttachmentCosting.openAiImage(1024, 1024, "gpt-4.1-mini"));
        assertEquals((int) Math.ceil(1452 * 2.46), AttachmentCosting.openAiImage(1800, 2400, "gpt-4.1-nano"));
    }

    @Test
    void anthropicImagesAreWidthTimesHeightOver750UpToAbout1600() {
        // Anthropic's vision guide: 1092 x 1092 is about 1,590 tokens; 200 x 200 about 54.
        assertEquals(1590, AttachmentCosting.anthropicImage(1092, 1092));
        assertEquals(54, AttachmentCosting.anthropicImage(200, 200));
        assertEquals(1600, AttachmentCosting.anthropicImage(4000, 3000));
    }

    @Test
    void aGeminiImageIs258TokensPerTileAndAnUnknownVendorsIsUnpriced() throws IOException {
        TestWorkspace workspace = new TestWorkspace()
                .withBytes("prompts/small.png", png(300, 300))
                .withBytes("prompts/large.png", png(1000, 1000))
                .with("prompts/g.prompty", prompty("gemini-2.5-flash", "", "![a](small.png)\n![b](large.png)\n"))
                .with("prompts/d.prompty", prompty("deepseek-chat", "", "![a](small.png)\n"));
        List<AttachmentCosting.Item> gemini = workspace.prompt("prompts/g.prompty").attachments().items();
        assertEquals(List.of(258, 258 * 4), gemini.stream().map(AttachmentCosting.Item::tokens).toList());
        AttachmentCosting.Item deepseek = workspace.prompt("prompts/d.prompty").attachments().items().get(0);
        assertFalse(deepseek.priced());
        assertEquals("Promptwise knows no image pricing rule for deepseek-chat, so the image small.png is not priced.",
                deepseek.problem());
    }

    @Test
    void openAiToolsAreCountedAsItsCookbookDoes() {
        String tools = """
                [{"type": "function", "function": {"name": "get_weather", "description": "Get the weather.",
                  "parameters": {"type": "object", "properties": {
                    "city": {"type": "string", "description": "The city."},
                    "unit": {"type": "string", "description": "Degrees.", "enum": ["celsius", "fahrenheit"]}}}}}]
                """;
        TestWorkspace workspace = new TestWorkspace().with("p/tools.json", tools)
                .with("p/w.prompty", prompty("gpt-4o", "  parameters:\n    tools: ${file:tools.json}\n", "Be brief.\n"));
        AnalyzedPrompt prompt = workspace.prompt("p/w.prompty");
        int expected = 7 + O200K.countTokens("get_weather:Get the weather") + 3
                + 3 + O200K.countTokens("city:string:The city")
                + 3 - 3 + 3 + O200K.countTokens("celsius") + 3 + O200K.countTokens("fahrenheit")
                + O200K.countTokens("unit:string:Degrees") + 12;
        assertEquals(expected, prompt.attachments().toolTokens());
        assertTrue(prompt.attachments().estimated());
        // Tools come first in the request: static and in the cacheable prefix, and the figures are estimates.
        PromptCostInput input = prompt.costInput();
        assertEquals(O200K.countTokens("Be brief.\n") + expected, input.staticTokens());
        assertEquals(O200K.countTokens("Be brief.\n") + 3 + expected, input.cacheablePrefixTokens());
        assertTrue(input.attachmentsEstimated());
        // gpt-4o's own tokenizer counts the text exactly; the total holds the tools' estimate, and says so.
        assertFalse(prompt.estimated());
        assertTrue(prompt.totalEstimated());
        assertEquals(prompt.textTokens() + 3 + 3 + expected, prompt.totalTokens());
    }

    @Test
    void anthropicToolsAddTheToolSystemPromptAndTheirJson() {
        String front = """
                  parameters:
                    tools:
                      - name: lookup
                        description: Find an order.
                        input_schema: {type: object, properties: {id: {type: string}}}
                """;
        TestWorkspace workspace = new TestWorkspace()
                .with("p/c.prompty", prompty("claude-sonnet-4-5", front, "Be brief.\n"));
        int json = O200K.countTokens("[{\"name\":\"lookup\",\"description\":\"Find an order.\",\"input_schema\":"
                + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}}]");
        assertEquals(346 + json, workspace.prompt("p/c.prompty").attachments().toolTokens());
    }

    @Test
    void aFileDefaultIsSentInItsPlaceholdersPlaceAndIsNotVariableInput() {
        String policy = "Refunds above 500 dollars need a manager's approval.\n";
        TestWorkspace workspace = new TestWorkspace().with("p/policy.txt", policy)
                .with("p/r.prompty", prompty("gpt-4o", "inputs:\n  policy:\n    type: string\n"
                        + "    default: ${file:policy.txt}\n", "Apply {{policy}}\nAnswer briefly.\n"));
        AnalyzedPrompt prompt = workspace.prompt("p/r.prompty");
        int text = O200K.countTokens("Apply {{policy}}\nAnswer briefly.\n") - O200K.countTokens("{{policy}}");
        assertEquals(text + O200K.countTokens(policy), prompt.costInput().staticTokens());
        // The only variable comes from its file: the whole message is the same on every request.
        assertEquals(prompt.costInput().staticTokens() + 3, prompt.costInput().cacheablePrefixTokens());
        assertFalse(prompt.missingInputs().contains("traffic.avgInputTokens"), prompt.missingInputs().toString());
        assertFalse(prompt.attachments().estimated(), "a file's text is counted exactly");
        assertFalse(prompt.totalEstimated());
    }

    @Test
    void whatCannotBePricedIsListedAndMakesTheCostALowerBound() {
        String strategy = """
                workloads:
                  w:
                    prompt: p/u.prompty
                    traffic: {requestsPerDay: 1000, avgInputTokens: 10, avgOutputTokens: 10}
                """;
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", strategy)
                .with("p/u.prompty", prompty("gpt-4o", "  parameters:\n    tools: [search_orders]\n"
                        + "inputs:\n  secret:\n    type: string\n    default: ${file:../../etc/passwd}\n",
                        "{{secret}}\n![r](https://example.com/r.png)\n"));
        AnalyzedPrompt prompt = workspace.prompt("p/u.prompty");
        assertEquals(List.of("tools:search_orders", "file:../../etc/passwd", "image:https://example.com/r.png"),
                prompt.attachments().unpricedKeys());
        assertTrue(prompt.missingInputs().containsAll(prompt.attachments().unpricedKeys()));
        assertTrue(prompt.cost().orElseThrow().now().orElseThrow().isLowerBound());
        AttachmentCosting.Item file = prompt.attachments().items().stream()
                .filter(item -> item.attachment().kind() == Attachment.Kind.FILE_DEFAULT).findFirst().orElseThrow();
        assertEquals("The default of input 'secret', ../../etc/passwd, leaves the workspace through '..': the text it"
                + " adds to every request is not priced.", file.problem());
        assertEquals(null, prompt.attachedFiles().get("../../etc/passwd").path(), "never resolved outside");
    }

    @Test
    void aToolsFileThatIsNotToolsIsUnpricedWithTheReason() {
        TestWorkspace workspace = new TestWorkspace().with("p/tools.json", "{\"oops\": [1, 2]}")
                .with("p/t.prompty", prompty("gpt-4o", "  parameters:\n    tools: ${file:tools.json}\n", "Hi.\n"));
        AttachmentCosting.Item item = workspace.prompt("p/t.prompty").attachments().items().get(0);
        assertFalse(item.priced());
        assertEquals("The tools file tools.json is not a list of tool definitions (each with a name): they are not"
                + " priced.", item.problem());
    }

    @Test
    void aChangedToolsFilePricesTheWorkloadAgainThoughItsPromptDidNotChange() {
        String strategy = """
                workloads:
                  w:
                    prompt: p/w.prompty
                    model: gpt-4o
                    traffic: {requestsPerDay: 1000, avgInputTokens: 10, avgOutputTokens: 10}
                """;
        String oneTool = "[{\"name\": \"a\", \"description\": \"Do a.\"}]";
        String twoTools = "[{\"name\": \"a\", \"description\": \"Do a.\"}, {\"name\": \"b\", \"description\":"
                + " \"Do b, a much longer description of what the second tool does and when to call it.\"}]";
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", strategy).with("p/tools.json", oneTool)
                .with("p/w.prompty", prompty("gpt-4o", "  parameters:\n    tools: ${file:tools.json}\n", "Hi.\n"));
        double before = workspace.strategy("promptwise.yaml").workloads().get("w").cost().now().orElseThrow()
                .costPerMonth();
        workspace.with("p/tools.json", twoTools);
        double after = workspace.strategy("promptwise.yaml").workloads().get("w").cost().now().orElseThrow()
                .costPerMonth();
        int added = 7 + O200K.countTokens("b:Do b, a much longer description of what the second tool does and when to"
                + " call it");
        assertEquals(added * 1000 * 30 * 2.50 / 1e6, after - before, 1e-9);
    }
}
