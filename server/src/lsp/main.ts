// Language server entry: see server/src/lsp/.
