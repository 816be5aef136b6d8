-- Neovim 0.7 (Debian's neovim), headless: attach needfirst-language-server over stdio to a
-- zh-Hans spec, check the published diagnostics carry our rule ids, apply the preferred quick
-- fix and see the diagnostics update. Every wait is vim.wait with a deadline.
local server = vim.env.NEEDFIRST_SERVER
local function fail(msg) io.stderr:write('FAIL ' .. msg .. '\n'); vim.cmd('cquit 1') end
local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(list, string.format('%s@%d:%d', code_of(d), d.lnum, d.col)) end
  table.sort(list)
  return table.concat(list, ' ')
end

local client_id = vim.lsp.start_client({
  name = 'needfirst',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code) if code ~= 0 then io.stderr:write('server exited ' .. code .. '\n') end end,
})
if not client_id then fail('start_client returned nil') end

vim.cmd('edit spec.md')
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

-- Columns are bytes in Neovim: 最先进 starts after "平台采用" (4 characters, 12 bytes).
local expected = 'concept-race@6:18 concept-race@6:6 digital-only@10:6 superlative-tech@4:12'
if not vim.wait(15000, function() return codes(bufnr) == expected end, 50) then
  fail('expected diagnostics ' .. expected .. '; got ' .. codes(bufnr))
end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  print(string.format('diagnostic %d:%d %s [%s] %s', d.lnum + 1, d.col + 1, d.source, code_of(d), d.message))
end

local client = vim.lsp.get_client_by_id(client_id)
local target
for _, d in ipairs(vim.diagnostic.get(bufnr)) do if code_of(d) == 'superlative-tech' then target = d end end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = { start = { line = target.lnum, character = 4 }, ['end'] = { line = target.end_lnum, character = 7 } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum) },
}
local resp = client.request_sync('textDocument/codeAction', params, 5000, bufnr)
if not resp or resp.err or not resp.result or #resp.result == 0 then fail('no code action: ' .. vim.inspect(resp)) end
local preferred = resp.result[1]
if not preferred.isPreferred then fail('the first action is not the preferred one: ' .. vim.inspect(preferred)) end
print('code actions: ' .. #resp.result .. '; applying the preferred one: ' .. preferred.title)
vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
local line = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
print('line 5 now: ' .. line)
if line ~= '平台采用技术。' then fail('the fix did not delete the boast: ' .. line) end

local after = 'concept-race@6:18 concept-race@6:6 digital-only@10:6'
if not vim.wait(15000, function() return codes(bufnr) == after end, 50) then
  fail('diagnostics not updated after the fix; got ' .. codes(bufnr))
end
print('diagnostics after the fix: ' .. after)
print('nvim-lsp: 1 passed, 0 failed')
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
