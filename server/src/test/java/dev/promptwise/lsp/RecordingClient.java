package dev.promptwise.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that records what the server sends it. */
final class RecordingClient implements LanguageClient {

    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final List<MessageParams> logged = new CopyOnWriteArrayList<>();
    final List<org.eclipse.lsp4j.ApplyWorkspaceEditParams> applied = new CopyOnWriteArrayList<>();
    final List<Object> progress = new CopyOnWriteArrayList<>();
    final List<org.eclipse.lsp4j.RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    /** The refresh requests the server sent, by method: workspace/codeLens/refresh, workspace/inlayHint/refresh. */
    final List<String> refreshes = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        refreshes.add("workspace/codeLens/refresh");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        refreshes.add("workspace/inlayHint/refresh");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
        progress.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
        progress.add(params.getValue().getLeft());
    }

    @Override
    public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.ApplyWorkspaceEditResponse> applyEdit(
            org.eclipse.lsp4j.ApplyWorkspaceEditParams params) {
        applied.add(params);
        return CompletableFuture.completedFuture(new org.eclipse.lsp4j.ApplyWorkspaceEditResponse(true));
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        logged.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        logged.add(message);
    }

    /** Returns the versions published for {@code uri}, in order; {@code null} for a cleared list. */
    List<Integer> versionsFor(String uri) {
        return published.stream().filter(params -> params.getUri().equals(uri))
                .map(PublishDiagnosticsParams::getVersion).toList();
    }
}
