package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolves strategy paths relative to the strategy file and refuses every way out of the workspace. */
class WorkspacePathsTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "promptwise.yaml           | prompts/triage.prompty        | prompts/triage.prompty",
        "promptwise.yaml           | ./prompts/./triage.prompty    | prompts/triage.prompty",
        "config/team.strategy.yaml | ../prompts/triage.prompty     | prompts/triage.prompty",
        "config/team.strategy.yaml | local.prompty                 | config/local.prompty",
        "promptwise.yaml           | a/b/../../c.txt               | c.txt",
        "promptwise.yaml           | prompts//double.prompty       | prompts/double.prompty",
        "promptwise.yaml           | 翻訳/プロンプト.prompty         | 翻訳/プロンプト.prompty",
    })
    void resolvesInsideTheWorkspace(String strategy, String reference, String expected) {
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve(strategy, reference);
        assertEquals(expected, resolution.path(), resolution.refusal());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "promptwise.yaml           | ../outside.txt               | leaves the workspace through '..'",
        "config/team.strategy.yaml | ../../outside.txt            | leaves the workspace through '..'",
        "promptwise.yaml           | prompts/../../outside.txt    | leaves the workspace through '..'",
        "promptwise.yaml           | /etc/passwd                  | is absolute; write it relative to the strategy file",
        "promptwise.yaml           | C:/Windows/win.ini           | starts with a drive letter; write it relative to the strategy file",
        "promptwise.yaml           | c:relative.txt               | starts with a drive letter; write it relative to the strategy file",
        "promptwise.yaml           | ..\\outside.txt              | uses backslashes; write paths with '/' so that they work on every system",
        "promptwise.yaml           | \\\\server\\share\\x.txt     | uses backslashes; write paths with '/' so that they work on every system",
        "promptwise.yaml           | %2e%2e/outside.txt           | is URL-encoded; write the path as plain text",
        "promptwise.yaml           | prompts%2F..%2F..%2Fx        | is URL-encoded; write the path as plain text",
        "promptwise.yaml           | %252e%252e/x                 | is URL-encoded; write the path as plain text",
        "promptwise.yaml           | file:///etc/passwd           | contains ':' (a URI scheme or a drive), which a workspace path cannot",
        "promptwise.yaml           | ~/notes.txt                  | starts with '~', a home folder outside the workspace",
        "promptwise.yaml           | .                            | names the workspace folder itself, not a file",
    })
    void refusesPathsThatLeaveTheWorkspace(String strategy, String reference, String refusal) {
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve(strategy, reference);
        assertEquals(null, resolution.path());
        assertEquals(refusal, resolution.refusal());
    }
}
