package dev.promptwise.core.semantics;

import dev.promptwise.core.catalog.FineTunables;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.CostModel;
import dev.promptwise.core.cost.FineTuningPlan;
import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.cost.Traffic;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One version of a prompt file, parsed and tokenized, with the model, budget and traffic it is judged against
 * (its workload's when a strategy file references it, else the settings'). Immutable: the adapter keeps one per
 * document version and every feature reads from it; derived figures are computed once, on first use.
 */
public final class AnalyzedPrompt {

    /** OpenAI's chat format: tokens added per message. */
    public static final int TOKENS_PER_MESSAGE = CostModel.TOKENS_PER_MESSAGE;
    /** OpenAI's chat format: tokens that prime the reply. */
    public static final int TOKENS_PER_REPLY = CostModel.REPLY_PRIMING_TOKENS;
    /** Lines that describe the output's format, which a fine-tuned model learns when the format is strict. */
    private static final Pattern FORMAT_INSTRUCTION = Pattern.compile(
            "(?i)\\b(json|schema|yaml|xml|csv|markdown|fences?|format(ted)?|fields?|keys?)\\b");

    private final String path;
    private final PromptDocument document;
    private final Settings settings;
    private final WorkloadBinding binding;
    private final PriceCatalog catalog;
    private final String modelId;
    private final ModelInfo model;
    private final TokenCounter counter;
    private final SemanticMemo memo;
    private final boolean estimated;
    private final int[] messageTokens;
    private final int textTokens;
    private final int exampleTokens;
    private final int originalLength;
    private volatile PromptCostInput costInput;
    private volatile Optional<WorkloadCost> cost;
    private volatile RangeCover exampleCover;
    private final AttachedFiles attachedFiles;
    private volatile AttachmentCosting.Priced attachments;
    /** {@link #sentBesidesTextTokens()}, once computed; -1 before. */
    private volatile int sentBesidesText = -1;

    public AnalyzedPrompt(String path, PromptDocument document, Settings settings, WorkloadBinding binding,
            PriceCatalog catalog, String modelId, ModelInfo model, TokenCounter counter, SemanticMemo memo,
            boolean estimated, int originalLength, AttachedFiles attachedFiles) {
        this.path = path;
        this.attachedFiles = attachedFiles == null ? AttachedFiles.NONE : attachedFiles;
        this.document = document;
        this.settings = settings;
        this.binding = binding;
        this.catalog = catalog;
        this.modelId = modelId;
        this.model = model;
        this.counter = counter;
        this.memo = memo;
        this.estimated = estimated;
        this.originalLength = originalLength;
        List<Message> messages = document.messages();
        this.messageTokens = new int[messages.size()];
        int sum = 0;
        for (int i = 0; i < messages.size(); i++) {
            messageTokens[i] = counter.count(messages.get(i).content());
            sum += messageTokens[i];
        }
        this.textTokens = sum;
        this.exampleTokens = Math.min(ExampleTokens.total(document.text(), document.examples(), counter, memo), sum);
    }

    public String path() {
        return path;
    }

    public PromptDocument document() {
        return document;
    }

    public Settings settings() {
        return settings;
    }

    /** Returns the workload that references this prompt, or {@code null} when no strategy file does. */
    public WorkloadBinding binding() {
        return binding;
    }

    /** Returns the catalog the prompt was priced with: the bundled one plus the strategy file's {@code models}. */
    public PriceCatalog catalog() {
        return catalog;
    }

    /**
     * Returns the model the prompt is judged against: its workload's own, else the file's, else the strategy
     * file's default, else the settings' default model.
     */
    public String modelId() {
        return modelId;
    }

    /** Returns the catalog entry of {@link #modelId()}, or {@code null} when the catalog does not know it. */
    public ModelInfo model() {
        return model;
    }

    /** Returns the length of the file's text; larger than the document's text when the file was too large to read. */
    public int originalLength() {
        return originalLength;
    }

    public String encoding() {
        return counter.encoding();
    }

    /** Returns whether the counts are estimates (a model whose own tokenizer is not available here). */
    public boolean estimated() {
        return estimated;
    }

    /** Returns the tokens of message {@code index}'s content, without chat overhead. */
    public int messageTokens(int index) {
        return messageTokens[index];
    }

    /** Returns the tokens of every message's content, without chat overhead. */
    public int textTokens() {
        return textTokens;
    }

    /**
     * Returns {@link #textTokens()} plus the chat format's overhead per message and for the reply, plus what the
     * prompt sends besides its text ({@link #sentBesidesTextTokens()}): what the context window and the budget hold.
     */
    public int totalTokens() {
        return textTokens + TOKENS_PER_MESSAGE * messageTokens.length + (messageTokens.length > 0 ? TOKENS_PER_REPLY : 0)
                + sentBesidesTextTokens();
    }

    /**
     * Returns whether {@link #totalTokens()} is an estimate: the text's count is ({@link #estimated()}), or it holds
     * counts of tool definitions or images, which no provider publishes an exact rule for.
     */
    public boolean totalEstimated() {
        return estimated || (!document.attachments().isEmpty() && attachments().estimated());
    }

    /**
     * Returns the tokens the prompt sends besides its own text: its {@code ${file:…}} defaults' text in their
     * placeholders' place, tool definitions, images in their references' place; 0 when it refers to nothing.
     */
    public int sentBesidesTextTokens() {
        int tokens = sentBesidesText;
        if (tokens < 0) {
            // Asked by every rule that reads the total, and by the cost input: counted once.
            tokens = document.attachments().isEmpty() ? 0 : PromptCosting.sentBesidesText(this);
            sentBesidesText = tokens;
        }
        return tokens;
    }

    /** Returns the tokens of the few-shot examples' text, as they stand in the file. */
    public int exampleTokens() {
        return exampleTokens;
    }

    /** Returns the tokens of {@code text}, with this prompt's encoding. */
    public int count(String text) {
        return counter.count(text);
    }

    /** Returns the token budget: the workload's, else the strategy's default, else the settings'. */
    public int budget() {
        Integer fromStrategy = binding == null ? null : binding.maxPromptTokens();
        return fromStrategy != null ? fromStrategy : settings.maxPromptTokens();
    }

    /** Returns the monthly budget in USD (workload, strategy default, then settings), or {@code null}. */
    public Double maxMonthlyCost() {
        Double fromStrategy = binding == null ? null : binding.maxMonthlyCost();
        return fromStrategy != null ? fromStrategy : settings.maxMonthlyCost();
    }

    /** Returns the requests per day the prompt sees (workload, then settings), or {@code null} when unknown. */
    public Double requestsPerDay() {
        Double fromWorkload = binding == null ? null : binding.requestsPerDay();
        return fromWorkload != null ? fromWorkload : settings.requestsPerDay();
    }

    /** Returns the price in USD of the prompt's input tokens per request, or {@code null} when the model is unknown. */
    public Double inputCostPerRequest() {
        return model == null ? null : totalTokens() * model.input() / 1_000_000.0;
    }

    /** Returns the input cost per month at {@link #requestsPerDay()}, or {@code null} when either is unknown. */
    public Double inputCostPerMonth() {
        Double perRequest = inputCostPerRequest();
        Double perDay = requestsPerDay();
        return perRequest == null || perDay == null ? null : perRequest * perDay * CostModel.DAYS_PER_MONTH;
    }

    /** Returns the traffic the prompt is priced at, or {@code null} when no requests per day are known. */
    public Traffic traffic() {
        Double perDay = requestsPerDay();
        if (perDay == null) {
            return null;
        }
        Integer input = binding == null ? null : binding.declaredAvgInputTokens();
        Integer output = binding == null ? null : binding.avgOutputTokens();
        List<String> missing = new ArrayList<>();
        if (input == null && hasVariableInput()) {
            // Variables add tokens to every request; without their average the input is priced as if they added none.
            missing.add(Traffic.AVG_INPUT_KEY);
        }
        if (output == null) {
            missing.add(Traffic.AVG_OUTPUT_KEY);
        }
        Integer reasoning = binding == null ? null : binding.avgReasoningTokens();
        if (reasoning == null && model != null && model.reasoning()) {
            missing.add(Traffic.AVG_REASONING_KEY);
        }
        missing.addAll(attachments().unpricedKeys());
        return new Traffic(perDay, input == null ? 0 : input, output == null ? 0 : output,
                reasoning == null ? 0 : reasoning, missing);
    }

    /**
     * Returns the strategy keys that a figure of this prompt's cost depends on and that were not declared:
     * {@code traffic.requestsPerDay} (no monthly figure), {@code traffic.avgInputTokens} when the prompt has
     * variables, {@code traffic.avgOutputTokens} (priced as 0: the cost is a lower bound),
     * {@code traffic.avgReasoningTokens} on a model the catalog marks as reasoning, and
     * {@code data.labeledExamples} when a fine-tuned figure is sized on the prompt's own examples instead.
     */
    public List<String> missingInputs() {
        List<String> missing = new ArrayList<>();
        Traffic traffic = traffic();
        if (traffic == null) {
            missing.add("traffic.requestsPerDay");
            if (hasVariableInput() && (binding == null || binding.declaredAvgInputTokens() == null)) {
                missing.add(Traffic.AVG_INPUT_KEY);
            }
            if (binding == null || binding.avgOutputTokens() == null) {
                missing.add(Traffic.AVG_OUTPUT_KEY);
            }
            if (model != null && model.reasoning() && (binding == null || binding.avgReasoningTokens() == null)) {
                missing.add(Traffic.AVG_REASONING_KEY);
            }
            missing.addAll(attachments().unpricedKeys());
        } else {
            missing.addAll(traffic.missingInputs());
        }
        FineTuningPlan plan = model == null ? null : fineTuningPlan();
        if (plan != null) {
            missing.addAll(plan.missingInputs());
        }
        return missing;
    }

    /** Returns what the files the prompt refers to held when it was analysed. */
    public AttachedFiles attachedFiles() {
        return attachedFiles;
    }

    /**
     * Returns what the prompt's file defaults, tools and images add to every request for its model, computed once;
     * those that cannot be priced are among {@link #missingInputs()}.
     */
    public AttachmentCosting.Priced attachments() {
        AttachmentCosting.Priced priced = attachments;
        if (priced == null) {
            priced = AttachmentCosting.price(document.attachments(), attachedFiles, model, modelId, counter);
            attachments = priced;
        }
        return priced;
    }

    /** Returns whether the prompt has variables whose value is not its file default: input that varies. */
    private boolean hasVariableInput() {
        if (document.variables().isEmpty()) {
            return false;
        }
        java.util.Set<String> fromFiles = attachments().fileVariables();
        return fromFiles.isEmpty() || document.variables().stream().anyMatch(use -> !fromFiles.contains(use.name()));
    }

    /** Returns the token counts the cost model needs, computed once. */
    public PromptCostInput costInput() {
        PromptCostInput input = costInput;
        if (input == null) {
            input = PromptCosting.input(this);
            costInput = input;
        }
        return input;
    }

    /**
     * Returns the prompt priced at its traffic (now, with reordering for the cache, fine-tuned and hybrid), or
     * empty when the model is not in the catalog.
     */
    public Optional<WorkloadCost> cost() {
        Optional<WorkloadCost> result = cost;
        if (result == null) {
            result = model == null ? Optional.empty() : Optional.of(withBaseNote(
                    CostModel.price(model, costInput(), traffic(), fineTuningPlan())));
            cost = result;
        }
        return result;
    }

    /**
     * Returns the model the fine-tuned alternative is priced on, or why there is none: the workload's
     * {@code fineTuning.baseModel}, else the prompt's own model when its provider fine-tunes it (see
     * {@link FineTunables#choose}).
     */
    public FineTunables.Choice fineTuningBase() {
        return FineTunables.choose(catalog, model, binding == null ? null : binding.fineTuningBaseModel());
    }

    /** Returns the fine-tuning the cost model prices, or {@code null} when there is no possible base model. */
    public FineTuningPlan fineTuningPlan() {
        ModelInfo base = fineTuningBase().base();
        if (base == null) {
            return null;
        }
        PromptCostInput input = costInput();
        Integer labeled = binding == null ? null : binding.labeledExamples();
        int examples = labeled != null ? labeled : input.exampleCount();
        List<String> missing = labeled == null ? List.of(FineTuningPlan.LABELED_EXAMPLES_KEY) : List.of();
        FineTuningPlan.ExampleTokens size = FineTuningPlan.exampleTokens(
                binding == null ? null : binding.avgExampleTokens(),
                binding == null ? null : binding.declaredAvgInputTokens(),
                binding == null ? null : binding.avgOutputTokens(),
                input.exampleCount(), input.averageExampleTokens());
        return new FineTuningPlan(base, examples, size.tokens(),
                binding == null ? null : binding.epochs(), binding == null ? null : binding.changeFrequency(),
                binding != null && binding.strictOutputFormat(), size.source(), missing);
    }

    /** Adds to the cost's notes why there is no fine-tuned alternative, when there is none. */
    private WorkloadCost withBaseNote(WorkloadCost priced) {
        String reason = fineTuningBase().reason();
        if (reason == null || priced.fineTuned().isPresent()) {
            return priced;
        }
        List<String> notes = new ArrayList<>(priced.notes());
        notes.add(reason);
        return new WorkloadCost(priced.now(), priced.cached(), priced.reorderingSaving(), priced.fineTuned(),
                priced.hybrid(), notes);
    }

    /** Returns whether {@code range} lies inside one of the prompt's few-shot examples; false when it has none. */
    public boolean insideExample(TextRange range) {
        return exampleCover().contains(range);
    }

    /** Returns the ranges of the prompt's few-shot examples as a cover, built once; passes in text order use its cursor. */
    public RangeCover exampleCover() {
        RangeCover cover = exampleCover;
        if (cover == null) {
            cover = RangeCover.of(document.examples().stream().map(FewShotExample::range).toList());
            exampleCover = cover;
        }
        return cover;
    }

    /** Returns the memo, its host's, that the cost input's passes over a large prompt reuse. */
    SemanticMemo memo() {
        return memo;
    }

    /** Returns whether a line reads as an instruction about the output's format. */
    static boolean isFormatInstruction(String line) {
        return FORMAT_INSTRUCTION.matcher(line).find();
    }

    /** Returns the variable uses inside {@code range}, in order. */
    List<VariableUse> variablesIn(TextRange range) {
        return document.variables().stream()
                .filter(use -> range.encloses(use.range())).toList();
    }
}
