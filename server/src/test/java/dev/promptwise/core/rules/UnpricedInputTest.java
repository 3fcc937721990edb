package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code unpriced-input}: a file, tool or image the prompt sends with every request that cannot be counted is
 * reported on its reference, so that the lower cost figures are not read as the bill.
 */
class UnpricedInputTest {

    private static final String RULE = "unpriced-input";
    private static final String LOWER = " Its cost figures are lower bounds (\"at least\").";

    @Test
    void reportsAFileOutsideTheWorkspaceToolsDefinedInCodeAndARemoteImage() {
        check(RULE, new TestWorkspace(), "prompts/receipts.prompty", """
                ---
                name: receipts
                model:
                  id: gpt-4o
                  parameters:
                    tools: [lookup_vendor]
                            ^^^^^^^^^^^^^ information unpriced-input: Tool 'lookup_vendor' is named but defined elsewhere (in code): its definition is billed with every request but not priced.%1$s
                inputs:
                  policy:
                    type: string
                    default: ${file:../../policies/expenses.txt}
                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ information unpriced-input: The default of input 'policy', ../../policies/expenses.txt, leaves the workspace through '..': the text it adds to every request is not priced.%1$s
                ---
                system:
                Check the receipt against {{policy}}.

                user:
                ![receipt](https://example.com/receipt.png)
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ information unpriced-input: This image (https://example.com/receipt.png) is sent with the request, but its size is not known here, so it is not priced.%1$s
                """.formatted(LOWER));
    }

    @Test
    void reportsAMissingToolsFileAndAnImageGivenByADotpromptVariable() {
        check(RULE, new TestWorkspace(), "prompts/describe.prompt", """
                ---
                model: googleai/gemini-2.5-flash
                tools: [search]
                        ^^^^^^ information unpriced-input: Tool 'search' is named but defined elsewhere (in code): its definition is billed with every request but not priced.%s
                ---
                Describe this photo: {{media url=photoUrl}}
                                     ^^^^^^^^^^^^^^^^^^^^^^ information unpriced-input: This image (the variable photoUrl) is sent with the request, but its size is not known here, so it is not priced.%s
                """.formatted(LOWER, LOWER));
    }

    @Test
    void staysQuietWhenEveryFileToolAndImageIsInTheWorkspace() {
        TestWorkspace workspace = new TestWorkspace()
                .with("prompts/policy.txt", "Refunds above 500 dollars need approval.\n")
                .with("prompts/tools.json", "[{\"name\": \"refund\", \"description\": \"Refund an order.\"}]")
                .withBytes("prompts/form.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
                    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 4, 0, 0, 0, 3, 0, 8, 0, 0, 0, 0});
        check(RULE, workspace, "prompts/refunds.prompty", """
                ---
                name: refunds
                model:
                  id: gpt-4o
                  parameters:
                    tools: ${file:tools.json}
                inputs:
                  policy:
                    type: string
                    default: ${file:policy.txt}
                ---
                system:
                Apply {{policy}}.

                user:
                ![form](form.png)
                """);
    }
}
