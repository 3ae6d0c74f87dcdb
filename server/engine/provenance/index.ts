// The provenance part of the engine: tracking inserted blocks through edits, fingerprints, re-anchoring and the ledger.
export * from './anchor';
export * from './ledger';
export * from './moved';
export * from './tracking';
