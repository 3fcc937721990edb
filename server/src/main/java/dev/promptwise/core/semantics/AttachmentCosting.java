package dev.promptwise.core.semantics;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.syntax.Attachment;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlReader;
import dev.promptwise.core.yaml.YamlValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts what a prompt's {@link Attachment}s add to every request, as each provider bills it: a file default's text
 * with the model's tokenizer; tool definitions by OpenAI's published approximation, or Anthropic's tool system
 * prompt plus the definitions, or the definitions' JSON for others; images by each provider's size rule. Tool and
 * image counts are estimates (no provider publishes an exact rule for them); what cannot be counted (tools defined in
 * code, an image given by URL or variable, a file outside the workspace) is listed as unpriced, so that the costs
 * built on the rest are lower bounds. See docs/cost-model.md, "Files, tools and images".
 */
public final class AttachmentCosting {

    /** OpenAI's tool counting constants (the OpenAI cookbook, "How to count tokens with tiktoken", 2024). */
    static final int OPENAI_FUNC_INIT_O200K = 7;
    static final int OPENAI_FUNC_INIT_CL100K = 10;
    static final int OPENAI_PROP_INIT = 3;
    static final int OPENAI_PROP_KEY = 3;
    static final int OPENAI_ENUM_INIT = -3;
    static final int OPENAI_ENUM_ITEM = 3;
    static final int OPENAI_FUNC_END = 12;
    /** Anthropic's tool-use system prompt, tool_choice auto (Claude 4 and 3.7 Sonnet; 264 for the Haiku 3 models). */
    static final int ANTHROPIC_TOOL_SYSTEM = 346;
    static final int ANTHROPIC_TOOL_SYSTEM_HAIKU_3 = 264;

    private AttachmentCosting() {}

    /**
     * What one attachment adds to each request.
     *
     * @param attachment the attachment
     * @param tokens tokens per request (per use, for a file default); 0 when unpriced
     * @param priced whether {@code tokens} is a count; otherwise {@code problem} says why not
     * @param estimated whether the count is an estimate (tools, images)
     * @param problem why the attachment is not priced, a sentence; else {@code null}
     * @param basis how the count was made, for hovers and notes; else {@code null}
     */
    public record Item(Attachment attachment, int tokens, boolean priced, boolean estimated, String problem,
            String basis) {

        /**
         * Returns what the attachment is, in words: {@code Input `policy` from policy.txt}, {@code Tool definitions
         * from tools.json}, {@code Tool `search`}, {@code Image form.png}.
         */
        public String title() {
            return switch (attachment.kind()) {
                case FILE_DEFAULT -> "Input `" + attachment.variable() + "` from " + attachment.path();
                case TOOLS -> attachment.path() == null ? "Tool definitions" : "Tool definitions from " + attachment.path();
                case TOOL_NAMES -> "Tool `" + attachment.detail() + "`";
                case IMAGE -> "Image " + (attachment.path() != null ? attachment.path() : attachment.detail());
            };
        }

        /** Returns the name this unpriced input has in {@code missingInputs}: {@code image:…}, {@code tools:…}, {@code file:…}. */
        public String missingKey() {
            return switch (attachment.kind()) {
                case IMAGE -> "image:" + (attachment.path() != null ? attachment.path() : attachment.detail());
                case TOOL_NAMES -> "tools:" + attachment.detail();
                case TOOLS -> "tools:" + (attachment.path() != null ? attachment.path() : "inline");
                case FILE_DEFAULT -> "file:" + attachment.path();
            };
        }
    }

    /** Every attachment of a prompt, priced. */
    public record Priced(List<Item> items) {

        public static final Priced NONE = new Priced(List.of());

        public Priced {
            items = List.copyOf(items);
        }

        /** Returns whether a count here is an estimate. */
        public boolean estimated() {
            return items.stream().anyMatch(item -> item.priced() && item.estimated() && item.tokens() > 0);
        }

        /** Returns the tokens of the tool definitions, sent before everything else. */
        public int toolTokens() {
            return items.stream().filter(item -> item.priced() && item.attachment().kind() == Attachment.Kind.TOOLS)
                    .mapToInt(Item::tokens).sum();
        }

        /** Returns the tokens of each variable whose default is a file that was read, per use. */
        public Map<String, Integer> fileDefaults() {
            Map<String, Integer> tokens = new LinkedHashMap<>();
            for (Item item : items) {
                if (item.priced() && item.attachment().kind() == Attachment.Kind.FILE_DEFAULT) {
                    tokens.putIfAbsent(item.attachment().variable(), item.tokens());
                }
            }
            return tokens;
        }

        /** Returns the names of the variables whose default is a file, priced or not: they are not variable input. */
        public java.util.Set<String> fileVariables() {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Item item : items) {
                if (item.attachment().kind() == Attachment.Kind.FILE_DEFAULT) {
                    names.add(item.attachment().variable());
                }
            }
            return names;
        }

        /** Returns the images, priced or not. */
        public List<Item> images() {
            return items.stream().filter(item -> item.attachment().kind() == Attachment.Kind.IMAGE).toList();
        }

        /** Returns the attachments that could not be priced, in {@code missingInputs}' words, without repeats. */
        public List<String> unpricedKeys() {
            return items.stream().filter(item -> !item.priced()).map(Item::missingKey).distinct().toList();
        }

        /** Returns the attachments that could not be priced. */
        public List<Item> unpriced() {
            return items.stream().filter(item -> !item.priced()).toList();
        }
    }

    /** Prices every attachment of a prompt for {@code model} ({@code null} when the catalog does not know it). */
    public static Priced price(List<Attachment> attachments, AttachedFiles files, ModelInfo model, String modelId,
            TokenCounter counter) {
        if (attachments.isEmpty()) {
            return Priced.NONE;
        }
        Vendor vendor = Vendor.of(model, modelId);
        String id = (model != null ? model.id() : modelId == null ? "" : modelId).toLowerCase(Locale.ROOT);
        List<Item> items = new ArrayList<>();
        boolean toolOverheadCounted = false;
        for (Attachment attachment : attachments) {
            AttachedFiles.AttachedFile file = attachment.path() == null ? null : files.get(attachment.path());
            switch (attachment.kind()) {
                case FILE_DEFAULT -> {
                    if (file == null || file.text() == null) {
                        items.add(unpriced(attachment, "The default of input '" + attachment.variable() + "', "
                                + attachment.path() + ", " + problemOf(file) + ": the text it adds to every request is"
                                + " not priced."));
                    } else {
                        items.add(new Item(attachment, counter.count(file.text()), true, false, null,
                                "the text of " + file.path()));
                    }
                }
                case TOOL_NAMES -> items.add(unpriced(attachment, "Tool '" + attachment.detail() + "' is named but"
                        + " defined elsewhere (in code): its definition is billed with every request but not priced."));
                case TOOLS -> {
                    Object definitions;
                    if (attachment.inline() != null) {
                        definitions = YamlValues.toJava(attachment.inline());
                    } else if (file == null || file.text() == null) {
                        items.add(unpriced(attachment, "The tools file " + attachment.path() + " " + problemOf(file)
                                + ": the tool definitions billed with every request are not priced."));
                        continue;
                    } else {
                        YamlDocument parsed = YamlReader.read(file.text());
                        definitions = parsed.problems().isEmpty() && parsed.root() != null
                                ? YamlValues.toJava(parsed.root()) : null;
                    }
                    List<Tool> tools = Tool.listOf(definitions);
                    if (tools == null) {
                        items.add(unpriced(attachment, (attachment.path() == null ? "The tools here are"
                                : "The tools file " + attachment.path() + " is") + " not a list of tool definitions"
                                + " (each with a name): they are not priced."));
                        continue;
                    }
                    int tokens = vendor.toolTokens(tools, counter, id);
                    String basis = tools.size() + (tools.size() == 1 ? " tool" : " tools") + ", " + vendor.toolRule;
                    if (!toolOverheadCounted) {
                        tokens += vendor.toolOverhead(id);
                        toolOverheadCounted = true;
                    }
                    items.add(new Item(attachment, tokens, true, true, null, basis));
                }
                case IMAGE -> items.add(image(attachment, file, vendor, id));
            }
        }
        return new Priced(items);
    }

    private static Item image(Attachment attachment, AttachedFiles.AttachedFile file, Vendor vendor, String id) {
        if (attachment.path() == null) {
            return unpriced(attachment, "This image (" + attachment.detail() + ") is sent with the request, but its"
                    + " size is not known here, so it is not priced.");
        }
        if (file == null || file.image() == null) {
            return unpriced(attachment, "The image " + attachment.path() + " " + problemOf(file)
                    + ", so it is not priced.");
        }
        ImageSize size = file.image();
        int tokens = vendor.imageTokens(size.width(), size.height(), id);
        if (tokens < 0) {
            return unpriced(attachment, "Promptwise knows no image pricing rule for " + (id.isEmpty() ? "this model"
                    : id) + ", so the image " + attachment.path() + " is not priced.");
        }
        return new Item(attachment, tokens, true, true, null,
                size.width() + "×" + size.height() + " px, " + vendor.imageRule);
    }

    private static Item unpriced(Attachment attachment, String problem) {
        return new Item(attachment, 0, false, false, problem, null);
    }

    private static String problemOf(AttachedFiles.AttachedFile file) {
        return file == null || file.problem() == null ? "cannot be read" : file.problem();
    }

    /** One tool: the parts every provider's count reads. */
    record Tool(String name, String description, Map<String, Object> parameters, Object definition) {

        /**
         * Returns the tools of a definition list (OpenAI's {@code {type: function, function: {…}}}, a bare
         * {@code {name, description, parameters}}, or Anthropic's {@code input_schema}), of a mapping with a
         * {@code tools} list, or of one definition; {@code null} when it is none of these.
         */
        @SuppressWarnings("unchecked")
        static List<Tool> listOf(Object definitions) {
            if (definitions instanceof Map<?, ?> map && map.get("tools") instanceof List<?> list) {
                definitions = list;
            } else if (definitions instanceof Map<?, ?> map && (map.containsKey("name") || map.containsKey("function"))) {
                definitions = List.of(map);
            }
            if (!(definitions instanceof List<?> list) || list.isEmpty()) {
                return null;
            }
            List<Tool> tools = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    return null;
                }
                Map<String, Object> function = map.get("function") instanceof Map<?, ?> inner
                        ? (Map<String, Object>) inner : (Map<String, Object>) map;
                if (!(function.get("name") instanceof String name) || name.isBlank()) {
                    return null;
                }
                Object description = function.get("description");
                Object parameters = function.containsKey("parameters") ? function.get("parameters")
                        : function.get("input_schema");
                tools.add(new Tool(name, description == null ? "" : description.toString(),
                        parameters instanceof Map<?, ?> schema ? (Map<String, Object>) schema : Map.of(), item));
            }
            return tools;
        }
    }

    /** The providers whose rules are known, and the rest. */
    enum Vendor {
        OPENAI("OpenAI's count of function definitions", "OpenAI's tile rule (detail auto, as high)"),
        ANTHROPIC("Anthropic's tool system prompt and the definitions' JSON", "Anthropic's rule, width × height / 750"),
        GOOGLE("the definitions' JSON", "Gemini's rule, 258 tokens per 768-px tile"),
        OTHER("the definitions' JSON", null);

        final String toolRule;
        final String imageRule;

        Vendor(String toolRule, String imageRule) {
            this.toolRule = toolRule;
            this.imageRule = imageRule;
        }

        static Vendor of(ModelInfo model, String modelId) {
            String provider = model == null || model.provider() == null ? "" : model.provider().toLowerCase(Locale.ROOT);
            String id = (model != null ? model.id() : modelId == null ? "" : modelId).toLowerCase(Locale.ROOT);
            if (provider.contains("anthropic") || id.contains("claude")) {
                return ANTHROPIC;
            }
            if (provider.contains("google") || provider.contains("gemini") || provider.contains("vertex")
                    || id.contains("gemini")) {
                return GOOGLE;
            }
            if (provider.contains("openai") || provider.contains("azure") || id.startsWith("gpt-")
                    || id.matches("(?:.*/)?o\\d.*") || id.contains("/gpt-") || id.startsWith("chatgpt")) {
                return OPENAI;
            }
            return OTHER;
        }

        int toolOverhead(String id) {
            return switch (this) {
                case OPENAI -> OPENAI_FUNC_END;
                case ANTHROPIC -> id.contains("haiku-3") || id.contains("3-haiku") || id.contains("3-5-haiku")
                        ? ANTHROPIC_TOOL_SYSTEM_HAIKU_3 : ANTHROPIC_TOOL_SYSTEM;
                default -> 0;
            };
        }

        int toolTokens(List<Tool> tools, TokenCounter counter, String id) {
            if (this != OPENAI) {
                List<Object> definitions = new ArrayList<>();
                for (Tool tool : tools) {
                    Map<String, Object> definition = new LinkedHashMap<>();
                    definition.put("name", tool.name());
                    definition.put("description", tool.description());
                    definition.put(this == ANTHROPIC ? "input_schema" : "parameters", tool.parameters());
                    definitions.add(definition);
                }
                return counter.count(Json.compact(definitions));
            }
            int funcInit = TokenCounter.CL100K_BASE.equals(counter.encoding()) ? OPENAI_FUNC_INIT_CL100K : OPENAI_FUNC_INIT_O200K;
            int tokens = 0;
            for (Tool tool : tools) {
                tokens += funcInit;
                tokens += counter.count(tool.name() + ":" + withoutFinalPeriod(tool.description()));
                Object properties = tool.parameters().get("properties");
                if (properties instanceof Map<?, ?> props && !props.isEmpty()) {
                    tokens += OPENAI_PROP_INIT;
                    for (Map.Entry<?, ?> property : props.entrySet()) {
                        tokens += OPENAI_PROP_KEY;
                        Map<?, ?> details = property.getValue() instanceof Map<?, ?> map ? map : Map.of();
                        if (details.get("enum") instanceof List<?> values) {
                            tokens += OPENAI_ENUM_INIT;
                            for (Object value : values) {
                                tokens += OPENAI_ENUM_ITEM + counter.count(String.valueOf(value));
                            }
                        }
                        Object type = details.get("type");
                        Object description = details.get("description");
                        tokens += counter.count(property.getKey() + ":" + (type == null ? "" : type) + ":"
                                + withoutFinalPeriod(description == null ? "" : description.toString()));
                    }
                }
            }
            return tokens;
        }

        /** Returns the tokens of an image of this size, or -1 when this vendor's rule is not known. */
        int imageTokens(int width, int height, String id) {
            return switch (this) {
                case OPENAI -> openAiImage(width, height, id);
                case ANTHROPIC -> anthropicImage(width, height);
                case GOOGLE -> width <= 384 && height <= 384 ? 258
                        : 258 * ceilDiv(width, 768) * ceilDiv(height, 768);
                case OTHER -> -1;
            };
        }
    }

    /** OpenAI's image rule (platform.openai.com, "Images and vision", calculating costs), by model family. */
    static int openAiImage(int width, int height, String id) {
        String model = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        double multiplier = model.startsWith("gpt-4.1-mini") || model.startsWith("gpt-5-mini") ? 1.62
                : model.startsWith("gpt-4.1-nano") || model.startsWith("gpt-5-nano") ? 2.46
                : model.startsWith("o4-mini") ? 1.72 : 0;
        if (multiplier > 0) {
            return (int) Math.ceil(patches(width, height) * multiplier);
        }
        int base;
        int tile;
        if (model.startsWith("gpt-4o-mini")) {
            base = 2833;
            tile = 5667;
        } else if (model.startsWith("o1") || model.startsWith("o3")) {
            base = 75;
            tile = 150;
        } else if (model.startsWith("gpt-5")) {
            base = 70;
            tile = 140;
        } else {
            base = 85;
            tile = 170;
        }
        double[] fitted = fitLongEdge(width, height, 2048);
        double w = fitted[0];
        double h = fitted[1];
        if (Math.min(w, h) > 768) {
            double scale = 768 / Math.min(w, h);
            w *= scale;
            h *= scale;
        }
        return base + tile * (int) (Math.ceil(w / 512) * Math.ceil(h / 512));
    }

    /** The 32-px patches OpenAI's mini models bill, at most 1,536 after scaling down. */
    static int patches(int width, int height) {
        int raw = ceilDiv(width, 32) * ceilDiv(height, 32);
        if (raw <= 1536) {
            return raw;
        }
        double ratio = Math.sqrt(32.0 * 32.0 * 1536 / ((double) width * height));
        double w = width * ratio;
        double h = height * ratio;
        ratio *= Math.min(Math.floor(w / 32) / (w / 32), Math.floor(h / 32) / (h / 32));
        return Math.min(1536, (int) (Math.ceil(width * ratio / 32) * Math.ceil(height * ratio / 32)));
    }

    /** Anthropic's rule: width × height / 750, after the long edge is brought to 1,568 px; about 1,600 at most. */
    static int anthropicImage(int width, int height) {
        double[] fitted = fitLongEdge(width, height, 1568);
        return (int) Math.min(1600, Math.ceil(fitted[0] * fitted[1] / 750));
    }

    /** Returns the size scaled down, keeping its proportions, so that its long edge is at most {@code maxLongEdge}. */
    private static double[] fitLongEdge(double width, double height, double maxLongEdge) {
        double scale = Math.min(1, maxLongEdge / Math.max(width, height));
        return new double[] {width * scale, height * scale};
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }

    private static String withoutFinalPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The definitions as compact JSON, as a request body holds them. */
    static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectWriter WRITER =
                new com.fasterxml.jackson.databind.ObjectMapper().writer();

        static String compact(Object value) {
            try {
                return WRITER.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
    }

}
