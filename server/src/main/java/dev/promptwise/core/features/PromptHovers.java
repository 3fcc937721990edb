package dev.promptwise.core.features;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AttachmentCosting;
import dev.promptwise.core.syntax.Attachment;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.ModelReference;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.Section;
import dev.promptwise.core.syntax.Sections;
import dev.promptwise.core.tokens.TokenizerFile;
import dev.promptwise.core.vocabulary.HoverInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Hovers over a prompt: a message's tokens, share and price; a model's catalog entry. */
public final class PromptHovers {

    private PromptHovers() {}

    public static Optional<HoverInfo> hover(AnalyzedPrompt prompt, int offset) {
        PromptDocument document = prompt.document();
        ModelReference model = document.model();
        if (model != null && model.range().contains(offset)) {
            return Optional.of(new HoverInfo(model.range(), modelMarkdown(prompt)));
        }
        for (AttachmentCosting.Item item : prompt.attachments().items()) {
            if (item.attachment().range().contains(offset)) {
                return Optional.of(new HoverInfo(item.attachment().range(), attachmentMarkdown(prompt, item)));
            }
        }
        List<Message> messages = document.messages();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message.range().contains(offset) && message.verbatim()) {
                for (Section section : Sections.find(document.text(), message.contentRange())) {
                    if (section.titleRange().contains(offset)) {
                        return Optional.of(new HoverInfo(section.titleRange(), sectionMarkdown(prompt, section)));
                    }
                }
            }
            if (message.range().contains(offset)) {
                return Optional.of(new HoverInfo(message.range(), messageMarkdown(prompt, i)));
            }
        }
        return Optional.empty();
    }

    /** Returns the hover of a file default, tools or image: what it adds to each request, or why it is not priced. */
    static String attachmentMarkdown(AnalyzedPrompt prompt, AttachmentCosting.Item item) {
        StringBuilder markdown = new StringBuilder("**").append(item.title()).append("**");
        if (!item.priced()) {
            return markdown.append(" · not priced\n\n").append(item.problem()).toString();
        }
        boolean estimated = item.estimated() || prompt.estimated();
        markdown.append(" · ").append(Money.tokens(item.tokens(), estimated)).append(" on every request")
                .append(item.attachment().kind() == Attachment.Kind.FILE_DEFAULT ? " where it is used" : "")
                .append("\n\nCounted from ").append(item.basis()).append(" for ").append(prompt.modelId())
                .append(item.estimated() ? " (an estimate: providers publish no exact count)" : "").append('.');
        ModelInfo model = prompt.model();
        if (model != null) {
            markdown.append("\n\n");
            priceTable(markdown, prompt, model, item.tokens() * model.input() / 1_000_000.0);
        }
        return markdown.toString();
    }


    static String sectionMarkdown(AnalyzedPrompt prompt, Section section) {
        int tokens = prompt.count(section.range().slice(prompt.document().text()));
        StringBuilder markdown = new StringBuilder();
        markdown.append("**Section ").append(section.title()).append("** · ")
                .append(Money.tokens(tokens, prompt.estimated())).append(" · ")
                .append(Money.percent((double) tokens / Math.max(1, prompt.textTokens()))).append(" of the prompt");
        ModelInfo model = prompt.model();
        if (model != null) {
            markdown.append("\n\n");
            priceTable(markdown, prompt, model, tokens * model.input() / 1_000_000.0);
        }
        return markdown.toString();
    }

    /**
     * Returns the hover at {@code offset} of a prompt that several workloads bind ({@code bindings}, one analysis
     * each, in the binding order): the first one's hover, and over a message the whole prompt's cost for each
     * workload, each naming its workload and strategy file.
     */
    public static Optional<HoverInfo> hover(List<AnalyzedPrompt> bindings, int offset) {
        AnalyzedPrompt first = bindings.get(0);
        Optional<HoverInfo> hover = hover(first, offset);
        if (bindings.size() < 2 || hover.isEmpty()) {
            return hover;
        }
        List<Message> messages = first.document().messages();
        for (int i = 0; i < messages.size(); i++) {
            if (hover.get().range().equals(messages.get(i).range())) {
                StringBuilder markdown = new StringBuilder(messageMarkdown(first, i, false));
                for (AnalyzedPrompt binding : bindings) {
                    wholePrompt(markdown, binding, true);
                }
                return Optional.of(new HoverInfo(hover.get().range(), markdown.toString()));
            }
        }
        return hover;
    }

    static String messageMarkdown(AnalyzedPrompt prompt, int index) {
        return messageMarkdown(prompt, index, true);
    }

    /** Returns a message's hover; {@code withWholePrompt}: with the whole prompt's cost at its workload's traffic. */
    private static String messageMarkdown(AnalyzedPrompt prompt, int index, boolean withWholePrompt) {
        Message message = prompt.document().messages().get(index);
        int tokens = prompt.messageTokens(index);
        int total = Math.max(1, prompt.textTokens());
        StringBuilder markdown = new StringBuilder();
        markdown.append("**").append(message.role()).append(" message** · ")
                .append(Money.tokens(tokens, prompt.estimated())).append(" · ")
                .append(Money.percent((double) tokens / total)).append(" of the prompt\n\n");
        ModelInfo model = prompt.model();
        if (model != null) {
            priceTable(markdown, prompt, model,
                    (tokens + AnalyzedPrompt.TOKENS_PER_MESSAGE) * model.input() / 1_000_000.0);
            markdown.append("\nInput price ").append(Money.usd(model.input())).append(" per 1M tokens (")
                    .append(model.source()).append(", ").append(model.asOf()).append("); includes the chat format's ")
                    .append(AnalyzedPrompt.TOKENS_PER_MESSAGE).append(" tokens per message.");
        } else {
            markdown.append("No price is known for model `").append(prompt.modelId()).append("`.");
        }
        markdown.append("\n\nTokenizer: `").append(prompt.encoding()).append('`')
                .append(prompt.estimated() ? " (an estimate: this model's own tokenizer is not available)" : "");
        if (withWholePrompt) {
            wholePrompt(markdown, prompt, false);
        }
        return markdown.toString();
    }

    /**
     * Appends the whole prompt's cost at its workload's traffic, when it is known, naming the workload (and, with
     * {@code withFile}, its strategy file); with {@code withFile}, a workload whose cost is not known says so.
     */
    private static void wholePrompt(StringBuilder markdown, AnalyzedPrompt prompt, boolean withFile) {
        String workload = prompt.binding() == null ? "" : " (workload `" + prompt.binding().workload().name() + "`"
                + (withFile ? " in `" + prompt.binding().strategyPath() + "`" : "") + ")";
        Optional<CostFigures> now = prompt.cost().flatMap(WorkloadCost::now);
        if (now.isPresent()) {
            markdown.append("\n\n---\n\n**The whole prompt at ").append(Money.number(now.get().requestsPerDay()))
                    .append(" requests/day on ").append(now.get().modelId()).append(workload).append("**\n\n")
                    .append(CostMessages.breakdownTable(now.get()));
            String sent = attachmentsLine(prompt);
            if (!sent.isEmpty()) {
                markdown.append("\n\n").append(sent);
            }
        } else if (withFile) {
            markdown.append("\n\n---\n\n**The whole prompt on ").append(prompt.modelId()).append(workload)
                    .append("**: no monthly figure; the workload declares no `traffic.requestsPerDay` or its model"
                            + " has no price.");
        }
    }

    /**
     * Returns the line that names what the prompt sends besides its text, with each one's tokens: {@code Includes, on
     * every request: tool definitions from tools.json (≈187 tokens), …}; empty when it sends nothing else.
     */
    static String attachmentsLine(AnalyzedPrompt prompt) {
        List<String> parts = new java.util.ArrayList<>();
        for (AttachmentCosting.Item item : prompt.attachments().items()) {
            String title = item.title().replace("`", "");
            parts.add(item.priced() ? title + " (" + Money.tokens(item.tokens(), item.estimated() || prompt.estimated())
                    + ")" : title + " (not priced)");
        }
        return parts.isEmpty() ? "" : "Includes, on every request: " + String.join(", ", parts) + ".";
    }

    /** Appends what {@code perRequest} of input costs per request, per 1,000 requests and per month. */
    private static void priceTable(StringBuilder markdown, AnalyzedPrompt prompt, ModelInfo model, double perRequest) {
        boolean estimated = prompt.estimated();
        markdown.append("| | at ").append(model.id()).append(" |\n|---|---:|\n")
                .append("| per request | ").append(Money.usd(perRequest, estimated)).append(" |\n")
                .append("| per 1,000 requests | ").append(Money.usd(perRequest * 1000, estimated)).append(" |\n");
        if (prompt.requestsPerDay() != null) {
            markdown.append("| per month at ").append(Money.number(prompt.requestsPerDay()))
                    .append(" requests/day | ").append(Money.usd(perRequest * prompt.requestsPerDay() * 30, estimated))
                    .append(" |\n");
        }
    }

    private static String modelMarkdown(AnalyzedPrompt prompt) {
        return modelMarkdown(prompt.modelId(), prompt.model(), prompt.encoding(), prompt.estimated());
    }

    /** Returns a model's catalog entry as Markdown: prices, limits, tokenizer, source and date. */
    public static String modelMarkdown(String modelId, ModelInfo model) {
        return modelMarkdown(modelId, model, model == null ? null : model.encoding(),
                model == null || !model.exactTokens());
    }

    /**
     * Returns a model's catalog entry as Markdown, naming the encoding its tokens were counted with ({@code used}):
     * another than the model's own when its tokenizer file could not be loaded.
     */
    private static String modelMarkdown(String modelId, ModelInfo model, String used, boolean estimated) {
        if (model == null) {
            return "**" + modelId + "**: not in the price catalog; add it under `models:` in promptwise.yaml.";
        }
        StringBuilder markdown = new StringBuilder();
        markdown.append("**").append(model.id()).append("** (").append(model.provider()).append(")\n\n")
                .append("| per 1M tokens | USD |\n|---|---:|\n")
                .append("| input | ").append(Money.usd(model.input())).append(" |\n");
        if (model.cachedInput() != null) {
            markdown.append("| cached input | ").append(Money.usd(model.cachedInput())).append(" |\n");
        }
        markdown.append("| output | ").append(Money.usd(model.output())).append(" |\n");
        if (model.fineTuning() != null && model.fineTuning().training() != null) {
            markdown.append("| fine-tuning (training) | ").append(Money.flagged(
                    Money.usd(model.fineTuning().training()), model.trainingPriceUnconfirmed())).append(" |\n");
        }
        String tokenizer = model.encoding() != null && !model.encoding().equals(used)
                && model.encoding().startsWith(TokenizerFile.PREFIX)
                ? " (estimate: the tokenizer file " + model.encoding().substring(TokenizerFile.PREFIX.length())
                        + " could not be loaded)"
                : estimated ? " (estimate)" : "";
        markdown.append(String.format(Locale.ROOT, "%nContext window %s tokens, up to %s output tokens. Tokenizer `%s`%s.%n%nSource: %s, as of %s.",
                Money.count(model.contextWindow()), Money.count(model.maxOutput()), used, tokenizer,
                model.source(), model.asOf()));
        return markdown.toString();
    }
}
