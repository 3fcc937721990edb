package dev.promptwise.lsp;

import dev.promptwise.core.cost.Money;

/**
 * The answer to {@code promptwise/documentCost}: what one request with this prompt costs. A client shows it in a
 * status bar item. The JSON field names are a contract with the VS Code extension.
 */
public final class DocumentCostResult {

    private int tokens;
    private boolean estimated;
    private Double costPerRequestUsd;
    private Double monthlyCostUsd;
    private String model;
    private String tokensText;
    private String costPerRequestText;
    private String monthlyCostText;

    public DocumentCostResult() {}

    /**
     * @param tokens the prompt's tokens
     * @param estimated whether the count comes from another model's tokenizer
     * @param costPerRequestUsd the input price of one request, or {@code null} when the model's price is unknown
     * @param monthlyCostUsd the cost of a month of requests, or {@code null} when the traffic or price is unknown
     * @param model the model the prompt is priced at
     */
    public DocumentCostResult(int tokens, boolean estimated, Double costPerRequestUsd, Double monthlyCostUsd,
            String model) {
        this.tokens = tokens;
        this.estimated = estimated;
        this.costPerRequestUsd = costPerRequestUsd;
        this.monthlyCostUsd = monthlyCostUsd;
        this.model = model;
        this.tokensText = Money.count(tokens, estimated);
        this.costPerRequestText = costPerRequestUsd == null ? null : Money.usd(costPerRequestUsd, estimated);
        this.monthlyCostText = monthlyCostUsd == null ? null : Money.usd(monthlyCostUsd, estimated);
    }

    public int getTokens() {
        return tokens;
    }

    public boolean isEstimated() {
        return estimated;
    }

    public Double getCostPerRequestUsd() {
        return costPerRequestUsd;
    }

    public Double getMonthlyCostUsd() {
        return monthlyCostUsd;
    }

    public String getModel() {
        return model;
    }

    /** Returns the token count as every Promptwise figure writes it ({@code ≈1,234}), so the client need not. */
    public String getTokensText() {
        return tokensText;
    }

    /** Returns the cost of one request as {@link Money} writes it ({@code ≈$0.0042}), or {@code null}. */
    public String getCostPerRequestText() {
        return costPerRequestText;
    }

    /** Returns the monthly cost as {@link Money} writes it ({@code ≈$4,650.00}), or {@code null}. */
    public String getMonthlyCostText() {
        return monthlyCostText;
    }
}
