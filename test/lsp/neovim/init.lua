-- Drives the journey language server from headless Neovim's built-in LSP client (0.7 or newer)
-- and writes what the editor got to $JOURNEY_OUT as JSON. Started by test/lsp/neovim.test.ts:
--   nvim --headless -u init.lua booking.journey
-- $JOURNEY_SNIPPETS=1 announces snippet support (Neovim's own default announces none).
local results = {}

local function write_results()
  vim.fn.writefile({ vim.fn.json_encode(results) }, os.getenv('JOURNEY_OUT'))
end

--- The LSP position of the first `needle` on the buffer's line holding `marker` (or made only of
--- the spaces `marker` is), after `shift` bytes.
local function position_of(bufnr, marker, needle, shift)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line == marker or (marker:find('%S') and line:find(marker, 1, true)) then
      local col = line:find(needle, 1, true) - 1 + (shift or 0)
      vim.api.nvim_win_set_cursor(0, { row, col })
      return vim.lsp.util.make_position_params()
    end
  end
  error('no line with ' .. marker)
end

--- The answer of the one client to a request, or an error.
local function request(bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, 15000)
  if not answers then error(method .. ': ' .. tostring(err)) end
  for _, answer in pairs(answers) do
    if answer.err then error(method .. ': ' .. vim.inspect(answer.err)) end
    return answer.result
  end
end

local function main()
  local ok, failure = pcall(function()
    local root = os.getenv('JOURNEY_ROOT')
    local capabilities = vim.lsp.protocol.make_client_capabilities()
    capabilities.textDocument.completion.completionItem.snippetSupport = os.getenv('JOURNEY_SNIPPETS') == '1'
    local client_id = vim.lsp.start_client({
      name = 'journey',
      cmd = { os.getenv('JOURNEY_NODE'), os.getenv('JOURNEY_SERVER'), '--stdio' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = 'maps' } },
      capabilities = capabilities,
    })
    local bufnr = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufnr, client_id)

    -- Diagnostics: Neovim turns the server's UTF-16 columns into byte columns of the line.
    vim.wait(20000, function() return #vim.diagnostic.get(bufnr) >= 2 end, 50)
    results.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      table.insert(results.diagnostics, { line = d.lnum, text = line:sub(d.col + 1, d.end_col), message = d.message })
    end

    -- Completion on the empty line inside a touchpoint.
    local completion = request(bufnr, 'textDocument/completion', position_of(bufnr, '      ', '      ', 6))
    local items = completion.items or completion
    results.completion = {}
    for _, item in ipairs(items) do
      table.insert(results.completion, {
        label = item.label,
        insertTextFormat = item.insertTextFormat or 1,
        newText = (item.textEdit and item.textEdit.newText) or item.insertText or item.label,
      })
    end

    -- Hover and go to definition on the shared persona used by the map.
    local hover = request(bufnr, 'textDocument/hover', position_of(bufnr, 'persona alex', 'alex', 1))
    results.hover = hover and hover.contents
    local definition = request(bufnr, 'textDocument/definition', position_of(bufnr, 'persona alex', 'alex', 1))
    local target = definition[1] or definition
    results.definition = { uri = target.uri or target.targetUri, line = (target.range or target.targetSelectionRange).start.line }

    -- Formatting, applied to the buffer as Neovim does.
    local edits = request(bufnr, 'textDocument/formatting', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, options = { tabSize = 2, insertSpaces = true } })
    vim.lsp.util.apply_text_edits(edits or {}, bufnr, 'utf-16')
    results.formatted = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

    -- Rename across files, applied as Neovim does (the shared file opens in a buffer).
    local params = position_of(bufnr, 'persona alex', 'alex', 1)
    params.newName = 'sam'
    local edit = request(bufnr, 'textDocument/rename', params)
    results.renamedFiles = vim.tbl_keys(edit.changes or {})
    vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
    results.renamed = {}
    for _, name in ipairs({ 'booking.journey', 'people.journey' }) do
      results.renamed[name] = vim.fn.getbufline(vim.fn.bufnr(root .. '/' .. name), 1, '$')
    end
  end)
  if not ok then results.error = tostring(failure) end
  write_results()
  vim.cmd('qall!')
end

-- After startup, once the file given on the command line is loaded in the current buffer.
vim.api.nvim_create_autocmd('VimEnter', { callback = main })
