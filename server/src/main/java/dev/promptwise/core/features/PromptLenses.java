package dev.promptwise.core.features;

import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.Section;
import dev.promptwise.core.syntax.Sections;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.core.vocabulary.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Code lenses, inlay hints and the outline of a prompt: the figures an author sees without asking. */
public final class PromptLenses {

    private PromptLenses() {}

    public static List<Lens> lenses(AnalyzedPrompt prompt) {
        return List.of(lens(prompt, false));
    }

    /**
     * Returns the lenses of a prompt that several workloads bind ({@code bindings}, one analysis each, in the binding
     * order): one per workload, each naming its workload and strategy file.
     */
    public static List<Lens> lenses(List<AnalyzedPrompt> bindings) {
        if (bindings.size() == 1) {
            return lenses(bindings.get(0));
        }
        return bindings.stream().map(binding -> lens(binding, true)).toList();
    }

    private static Lens lens(AnalyzedPrompt prompt, boolean withFile) {
        StringBuilder title = new StringBuilder();
        boolean estimated = prompt.totalEstimated();
        title.append(Money.tokens(prompt.totalTokens(), estimated));
        Optional<CostFigures> now = prompt.cost().flatMap(WorkloadCost::now);
        if (now.isPresent()) {
            // The cost model's figures: input, output and the prompt cache at the workload's traffic.
            title.append(" · ").append(Money.perRequest(now.get().costPerRequest(), estimated)).append(" · ")
                    .append(CostMessages.monthly(now.get())).append(" at ")
                    .append(Money.number(now.get().requestsPerDay())).append(" requests/day");
        } else if (prompt.inputCostPerRequest() != null) {
            title.append(" · ").append(Money.perRequest(prompt.inputCostPerRequest(), estimated)).append(" input");
        }
        if (prompt.binding() != null) {
            title.append(" · workload ").append(prompt.binding().workload().name());
            if (withFile) {
                title.append(" (").append(prompt.binding().strategyPath()).append(')');
            }
        }
        title.append(" · ").append(prompt.model() != null ? prompt.model().id() : prompt.modelId() + " (unpriced)");
        return new Lens(TextRange.at(0), title.toString());
    }

    public static List<InlayHintInfo> inlayHints(AnalyzedPrompt prompt, int start, int end) {
        List<InlayHintInfo> hints = new ArrayList<>();
        List<Message> messages = prompt.document().messages();
        String text = prompt.document().text();
        for (int i = 0; i < messages.size(); i++) {
            int offset = firstLineEnd(text, messages.get(i).range());
            if (offset < start || offset > end) {
                continue;
            }
            hints.add(new InlayHintInfo(offset, " " + Money.tokens(prompt.messageTokens(i), prompt.estimated()),
                    PromptHovers.messageMarkdown(prompt, i)));
        }
        return hints;
    }

    public static List<Symbol> symbols(AnalyzedPrompt prompt) {
        List<Symbol> symbols = new ArrayList<>();
        List<Message> messages = prompt.document().messages();
        String text = prompt.document().text();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            TextRange selection = new TextRange(message.range().start(), firstLineEnd(text, message.range()));
            symbols.add(new Symbol(message.role(), Money.tokens(prompt.messageTokens(i), prompt.estimated()),
                    Symbol.Kind.MESSAGE, message.range(), selection, sectionSymbols(prompt, message)));
        }
        return symbols;
    }

    /** Returns the message's sections as nested symbols: a heading holds the deeper headings after it. */
    private static List<Symbol> sectionSymbols(AnalyzedPrompt prompt, Message message) {
        String text = prompt.document().text();
        if (!message.verbatim()) {
            return List.of();
        }
        List<Section> sections = Sections.find(text, message.contentRange());
        return nest(prompt, sections, 0, sections.size());
    }

    private static List<Symbol> nest(AnalyzedPrompt prompt, List<Section> sections, int from, int to) {
        List<Symbol> symbols = new ArrayList<>();
        int i = from;
        while (i < to) {
            Section section = sections.get(i);
            int end = i + 1;
            while (end < to && section.level() > 0 && sections.get(end).level() > section.level()) {
                end++;
            }
            int tokens = prompt.count(section.range().slice(prompt.document().text()));
            symbols.add(new Symbol(section.title(), Money.tokens(tokens, prompt.estimated()), Symbol.Kind.SECTION,
                    section.range(), section.titleRange(), nest(prompt, sections, i + 1, end)));
            i = end;
        }
        return symbols;
    }

    private static int firstLineEnd(String text, TextRange range) {
        int offset = range.start();
        while (offset < range.end() && text.charAt(offset) != '\n' && text.charAt(offset) != '\r') {
            offset++;
        }
        return offset;
    }
}
