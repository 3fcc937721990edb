package dev.promptwise.lsp;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.features.StrategyCompletion;
import dev.promptwise.core.features.StrategyLinks;
import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import dev.promptwise.core.vocabulary.Lens;
import dev.promptwise.core.vocabulary.Symbol;
import dev.promptwise.core.vocabulary.WorkspaceChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Converts the core's records (offsets, severities, fixes) into LSP4J's types: the one place, with
 * {@link FromLsp}, where offsets become lines and UTF-16 columns.
 */
public final class ToLsp {

    /** The {@code source} of every diagnostic Promptwise publishes. */
    public static final String SOURCE = "promptwise";

    /** The client command that turns a rule off in the user's settings; its one argument is the rule id. */
    public static final String DISABLE_RULE_COMMAND = "promptwise.disableRule";

    /** The server command behind fixes that create files, for clients without resource operations. */
    public static final String CREATE_FILES_COMMAND = "promptwise.createFilesAndApply";

    /**
     * The arguments of {@value #CREATE_FILES_COMMAND}: the files to create, workspace-relative, and the edits to
     * apply to existing files once they exist.
     */
    public record CreateFilesArguments(List<WorkspaceChange.FileCreation> creations, WorkspaceEdit edit) {}

    private static final String RULE_PAGE = "https://github.com/promptwise/promptwise/blob/main/docs/rules/";

    private ToLsp() {}

    /** Returns the LSP position of {@code offset}, clamped into the text. */
    public static Position position(LineIndex lineIndex, int offset) {
        LineIndex.Position position = lineIndex.position(offset);
        return new Position(position.line(), position.character());
    }

    /** Returns the LSP range of {@code range}. */
    public static Range range(LineIndex lineIndex, TextRange range) {
        return new Range(position(lineIndex, range.start()), position(lineIndex, range.end()));
    }

    /** Returns the diagnostic of a finding, or empty when its severity is {@code OFF} and it must not be shown. */
    public static Optional<Diagnostic> diagnostic(LineIndex lineIndex, Finding finding) {
        if (finding.severity() == Severity.OFF) {
            return Optional.empty();
        }
        Diagnostic diagnostic = new Diagnostic(range(lineIndex, finding.range()), finding.message(),
                severity(finding.severity()), SOURCE, finding.ruleId());
        diagnostic.setCodeDescription(new DiagnosticCodeDescription(rulePage(finding.ruleId())));
        if (finding.workload() != null) {
            // The workload the finding judged the prompt for, as check --format json names it.
            Map<String, String> data = new LinkedHashMap<>();
            data.put("workload", finding.workload().name());
            data.put("strategyFile", finding.workload().strategyFile());
            diagnostic.setData(data);
        }
        return Optional.of(diagnostic);
    }

    /** Returns the diagnostics of the findings that are shown, in the findings' order. */
    public static List<Diagnostic> diagnostics(LineIndex lineIndex, List<Finding> findings) {
        return findings.stream().flatMap(finding -> diagnostic(lineIndex, finding).stream()).toList();
    }

    /** Returns the LSP severity of a shown severity; {@code OFF} has none and gives {@code null}. */
    public static DiagnosticSeverity severity(Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
            case OFF -> null;
        };
    }

    /** Returns the address of a rule's documentation page. */
    public static String rulePage(String ruleId) {
        return RULE_PAGE + ruleId + ".md";
    }

    /** Returns the hover of {@code hover}, or {@code null} (LSP's "no hover") when the core has none. */
    public static Hover hover(LineIndex lineIndex, Optional<HoverInfo> hover) {
        return hover.map(info -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, info.markdown()),
                range(lineIndex, info.range()))).orElse(null);
    }

    /** Returns the code lenses; each shows its title and runs no command. */
    public static List<CodeLens> codeLenses(LineIndex lineIndex, List<Lens> lenses) {
        return lenses.stream()
                .map(lens -> new CodeLens(range(lineIndex, lens.range()), new Command(lens.title(), ""), null))
                .toList();
    }

    /** Returns the inlay hints, each padded on the left and with a Markdown tooltip. */
    public static List<InlayHint> inlayHints(LineIndex lineIndex, List<InlayHintInfo> hints) {
        return hints.stream().map(hint -> {
            InlayHint inlayHint = new InlayHint(position(lineIndex, hint.offset()), Either.forLeft(hint.label()));
            inlayHint.setPaddingLeft(true);
            if (hint.tooltip() != null && !hint.tooltip().isEmpty()) {
                inlayHint.setTooltip(new MarkupContent(MarkupKind.MARKDOWN, hint.tooltip()));
            }
            return inlayHint;
        }).toList();
    }

    /** Returns the outline as hierarchical document symbols. */
    public static List<Either<SymbolInformation, DocumentSymbol>> documentSymbols(
            LineIndex lineIndex, List<Symbol> symbols) {
        return symbols.stream()
                .map(symbol -> Either.<SymbolInformation, DocumentSymbol>forRight(
                        documentSymbol(lineIndex, symbol)))
                .toList();
    }

    /** Returns one document symbol with its children. */
    public static DocumentSymbol documentSymbol(LineIndex lineIndex, Symbol symbol) {
        DocumentSymbol documentSymbol = new DocumentSymbol(symbol.name(), symbolKind(symbol.kind()),
                range(lineIndex, symbol.range()), range(lineIndex, selectionInside(symbol)),
                symbol.detail().isEmpty() ? null : symbol.detail());
        documentSymbol.setChildren(symbol.children().stream().map(child -> documentSymbol(lineIndex, child)).toList());
        return documentSymbol;
    }

    /** Returns the LSP kind the outline shows for a core symbol kind. */
    public static SymbolKind symbolKind(Symbol.Kind kind) {
        return switch (kind) {
            case MESSAGE -> SymbolKind.String;
            case SECTION -> SymbolKind.Namespace;
            case WORKLOAD -> SymbolKind.Module;
            case KEY -> SymbolKind.Property;
        };
    }

    /**
     * Returns the code actions for the findings under the cursor: each of their fixes as a quick fix, then one
     * {@code Disable <rule> in settings} per rule, which the client carries out through
     * {@value #DISABLE_RULE_COMMAND}. A fix that creates files is offered only to clients that can create them.
     * Returns an empty list when there are no findings.
     */
    static List<Either<Command, CodeAction>> codeActions(String uri, LineIndex lineIndex,
            List<Finding> findingsUnderCursor, WorkspaceEdits edits) {
        List<Finding> shown = findingsUnderCursor.stream()
                .filter(finding -> finding.severity() != Severity.OFF)
                .toList();
        ArrayList<Either<Command, CodeAction>> actions = new ArrayList<>();
        // A prompt that several workloads bind has a finding per workload; a fix they share is offered once.
        Set<Fix> offered = new HashSet<>();
        for (Finding finding : shown) {
            for (Fix fix : finding.fixes()) {
                if (!offered.add(fix)) {
                    continue;
                }
                Optional<WorkspaceEdit> edit = edits.toWorkspaceEdit(uri, lineIndex, fix);
                if (edit.isPresent()) {
                    actions.add(Either.forRight(quickFix(lineIndex, finding, fix, edit.get())));
                } else if (fix.workspaceChange() != null && edits.serverCanCreateFiles()) {
                    // The client cannot create files: the server creates them (never over an existing one) and
                    // then asks the client to apply the edits to the files that exist.
                    edits.existingFileEdits(uri, lineIndex, fix).ifPresent(existing -> {
                        CodeAction action = quickFix(lineIndex, finding, fix, null);
                        action.setCommand(new Command(fix.title(), CREATE_FILES_COMMAND,
                                List.of(new CreateFilesArguments(fix.workspaceChange().creations(), existing))));
                        actions.add(Either.forRight(action));
                    });
                }
            }
        }
        shown.stream().map(Finding::ruleId).distinct()
                .forEach(ruleId -> actions.add(Either.forRight(disableRuleInSettings(ruleId))));
        return actions;
    }

    /** Returns the quick fix that applies {@code edit}, made from {@code fix}. */
    static CodeAction quickFix(LineIndex lineIndex, Finding finding, Fix fix, WorkspaceEdit edit) {
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(diagnostic(lineIndex, finding).stream().toList());
        action.setIsPreferred(fix.preferred() ? Boolean.TRUE : null);
        action.setEdit(edit);
        return action;
    }

    /** Returns the completion items of a strategy file's choices. */
    static List<CompletionItem> completionItems(LineIndex lineIndex,
            List<StrategyCompletion.Choice> choices) {
        List<CompletionItem> items = new ArrayList<>();
        for (StrategyCompletion.Choice choice : choices) {
            CompletionItem item = new CompletionItem(choice.label());
            item.setDetail(choice.detail());
            item.setKind(switch (choice.kind()) {
                case KEY -> CompletionItemKind.Property;
                case VALUE -> CompletionItemKind.EnumMember;
                case MODEL -> CompletionItemKind.Value;
                case FILE -> CompletionItemKind.File;
            });
            item.setTextEdit(Either.forLeft(new TextEdit(range(lineIndex, choice.range()), choice.insertText())));
            items.add(item);
        }
        return items;
    }

    /** Returns the document links of a strategy file's paths that resolve inside the workspace. */
    static List<DocumentLink> documentLinks(LineIndex lineIndex, WorkspaceIndex index,
            List<StrategyLinks.Link> links) {
        List<DocumentLink> result = new ArrayList<>();
        var files = index.files();
        for (StrategyLinks.Link link : links) {
            if (link.path() != null && files.exists(link.path())) {
                index.uriOf(link.path()).ifPresent(target ->
                        result.add(new DocumentLink(range(lineIndex, link.range()), target)));
            }
        }
        return result;
    }

    /** Returns where the path under {@code offset} leads, or an empty list when the offset is on none. */
    static List<Location> definitions(LineIndex lineIndex, WorkspaceIndex index, List<StrategyLinks.Link> links,
            int offset) {
        var files = index.files();
        for (StrategyLinks.Link link : links) {
            if (link.range().contains(offset) && link.path() != null && files.exists(link.path())) {
                return index.uriOf(link.path())
                        .map(target -> List.of(new Location(target, new Range(new Position(0, 0), new Position(0, 0)))))
                        .orElse(List.of());
            }
        }
        return List.of();
    }

    /** Returns the LSP edits of the core's edits, in their order. */
    public static List<TextEdit> textEdits(LineIndex lineIndex, List<dev.promptwise.core.vocabulary.TextEdit> edits) {
        return edits.stream().map(edit -> new TextEdit(range(lineIndex, edit.range()), edit.newText())).toList();
    }

    /** Returns the generic action that turns {@code ruleId} off in the user's settings. */
    public static CodeAction disableRuleInSettings(String ruleId) {
        CodeAction action = new CodeAction("Disable " + ruleId + " in settings");
        action.setKind(CodeActionKind.QuickFix);
        action.setCommand(new Command("Disable " + ruleId + " in settings", DISABLE_RULE_COMMAND,
                List.of(ruleId)));
        return action;
    }

    private static TextRange selectionInside(Symbol symbol) {
        // LSP requires the selection range to lie inside the full range; clamp it rather than send a bad outline.
        TextRange range = symbol.range();
        TextRange selection = symbol.selectionRange();
        int start = Math.max(range.start(), Math.min(selection.start(), range.end()));
        int end = Math.max(start, Math.min(selection.end(), range.end()));
        return TextRange.of(start, end);
    }
}
