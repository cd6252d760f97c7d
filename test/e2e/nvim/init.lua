-- Headless Neovim as a second, independent LSP client of `node dist/server.js --stdio`.
-- Env: GOV_SERVER (path to dist/server.js), GOV_OUT (result JSON), GOV_HOVER_LINE / GOV_HOVER_CHAR (0-based).
-- Neovim 0.7 (Debian): vim.lsp.start_client + buf_attach_client; vim.lsp.start does not exist yet.
local out_path = os.getenv('GOV_OUT')
local result = { diagnostics = nil, hover = nil, errors = {} }

local function finish()
  local f = io.open(out_path, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local client_id = vim.lsp.start_client({
  name = 'gov-report',
  cmd = { 'node', os.getenv('GOV_SERVER'), '--stdio' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, params, ctx)
      if result.diagnostics ~= nil then return end
      result.diagnostics = params.diagnostics
      local bufnr = vim.api.nvim_get_current_buf()
      local hover_params = {
        textDocument = { uri = vim.uri_from_bufnr(bufnr) },
        position = { line = tonumber(os.getenv('GOV_HOVER_LINE')), character = tonumber(os.getenv('GOV_HOVER_CHAR')) },
      }
      vim.lsp.buf_request(bufnr, 'textDocument/hover', hover_params, function(err, hover)
        if err then table.insert(result.errors, vim.inspect(err)) end
        result.hover = hover
        finish()
      end)
    end,
  },
  on_exit = function(code)
    if result.diagnostics == nil then
      table.insert(result.errors, 'server exited with ' .. tostring(code))
      finish()
    end
  end,
})

vim.api.nvim_create_autocmd('BufReadPost', {
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
})
-- The file given on the command line was read before this autocmd existed: attach it now.
vim.schedule(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'text'
  vim.lsp.buf_attach_client(buf, client_id)
end)
vim.defer_fn(function()
  table.insert(result.errors, 'timed out after 20 s')
  finish()
end, 20000)
