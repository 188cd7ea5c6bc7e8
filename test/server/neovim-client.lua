-- Neovim's built-in LSP client (0.7+) against the fzlint server: start it over stdio, attach the
-- buffer opened on the command line, wait for diagnostics, write them as JSON, quit.
-- Run: nvim --headless --clean -n -c "luafile neovim-client.lua" REPORT
local server = os.getenv('FZLINT_SERVER')
local out = os.getenv('FZLINT_OUT')
local root = os.getenv('FZLINT_ROOT')

local function finish(payload)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(payload))
  f:close()
  vim.cmd('qa!')
end

local client_id = vim.lsp.start_client({
  name = 'fzlint',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'seeds' } },
  settings = { fzlint = { debounceMs = 0 } },
})
if not client_id then
  finish({ error = 'start_client failed' })
  return
end
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(20000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(diagnostics, {
    lnum = d.lnum,
    col = d.col,
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = lsp.code or d.code,
  })
end
local client = vim.lsp.get_client_by_id(client_id)
finish({
  ok = ok,
  server = client and client.server_capabilities and client.server_capabilities.hoverProvider or false,
  diagnostics = diagnostics,
})
if client then client.stop() end
