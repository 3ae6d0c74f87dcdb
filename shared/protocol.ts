// Every custom message and settings shape shared by the VS Code client and the language server. Ranges are LSP's: 0-based.

/** The name diagnostics carry as `source`, and the code action kind suffix (`source.fixAll.skeptic`). */
export const serverName = 'skeptic';
