package dev.promptwise.core.features;

import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Symbol;
import dev.promptwise.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** The outline of a strategy file: one symbol per workload, its sections as children. */
public final class StrategySymbols {

    private StrategySymbols() {}

    /** Returns a symbol per workload in file order, detailed with its declared approach; empty when there is none. */
    public static List<Symbol> symbols(StrategyFile strategy) {
        YamlNode.Mapping root = strategy.yaml().rootMapping();
        YamlNode.Mapping workloads = root == null ? null : root.mapping("workloads");
        if (workloads == null) {
            return List.of();
        }
        List<Symbol> symbols = new ArrayList<>();
        for (YamlNode.Entry entry : workloads.entries()) {
            Workload workload = strategy.workload(entry.key().value());
            String detail = workload == null || workload.declaredApproach() == null
                    ? "" : workload.declaredApproach().id();
            List<Symbol> children = new ArrayList<>();
            if (entry.value() instanceof YamlNode.Mapping sections) {
                for (YamlNode.Entry section : sections.entries()) {
                    children.add(new Symbol(section.key().value(), "", Symbol.Kind.KEY, section.range(),
                            section.key().range(), List.of()));
                }
            }
            symbols.add(new Symbol(entry.key().value(), detail, Symbol.Kind.WORKLOAD, entry.range(),
                    entry.key().range(), children));
        }
        return symbols;
    }
}
