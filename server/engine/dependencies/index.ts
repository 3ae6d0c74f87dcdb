// The dependency index's public face: manifests, lockfiles and per-file project facts.
export * from './manifests';
export * from './project-index';
export * from './manifest-findings';
export * from './registry';
