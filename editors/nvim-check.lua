-- Checks Promptwise in headless Neovim: attaches the built-in LSP client to the current buffer and prints the diagnostics that arrive.
--
-- Run from the repository root:
--   nvim --headless --clean +'luafile editors/nvim-check.lua' editors/fixtures/triage.prompty
-- The jar is server/target/promptwise.jar unless PROMPTWISE_SERVER_JAR names another one. Neovim exits with status 0
-- once the server has published diagnostics for the file, and with status 1 when none arrived within 30 seconds, or
-- when PROMPTWISE_EXPECT_RULE names a rule id that none of them carries.
-- It uses vim.lsp.start_client, which every Neovim since 0.5 has (Debian 12 ships 0.7), so the test runs there too.

local jar = os.getenv("PROMPTWISE_SERVER_JAR") or "server/target/promptwise.jar"
local buffer = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buffer)
local published = nil

local client_id = vim.lsp.start_client({
  name = "promptwise",
  -- The JVM options of docs/editors.md (client-vscode/src/serverJvmOptions.json).
  cmd = { "java", "-XX:+UseSerialGC", "-Xms80m", "-Xmx1g", "-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-XX:TargetSurvivorRatio=90", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar },
  root_dir = vim.fn.getcwd(),
  init_options = { defaultModel = "gpt-4o-mini", budget = { maxPromptTokens = 4000 }, diagnostics = { debounceMs = 0 } },
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result and vim.uri_to_fname(result.uri) == file then
        published = result.diagnostics
      end
    end,
  },
})
vim.lsp.buf_attach_client(buffer, client_id)

local arrived = vim.wait(30000, function() return published ~= nil end, 100)
if not arrived then
  io.stdout:write("FAIL: no diagnostics were published for " .. file .. " within 30 seconds\n")
  vim.lsp.stop_client(client_id, true)
  vim.cmd("cquit 1")
end

io.stdout:write(string.format("Promptwise published %d diagnostic(s) for %s\n", #published, file))
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  io.stdout:write(string.format("%d:%d %s %s: %s\n", diagnostic.lnum + 1, diagnostic.col + 1,
    vim.diagnostic.severity[diagnostic.severity], tostring(diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code or diagnostic.code), diagnostic.message))
end
vim.lsp.stop_client(client_id, true)
local expected_rule = os.getenv("PROMPTWISE_EXPECT_RULE")
if expected_rule and expected_rule ~= "" then
  for _, diagnostic in ipairs(published) do
    if diagnostic.code == expected_rule then
      vim.cmd("qall!")
    end
  end
  io.stdout:write("FAIL: no " .. expected_rule .. " diagnostic arrived\n")
  vim.cmd("cquit 1")
end
vim.cmd("qall!")
