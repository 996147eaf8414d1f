export * from './policy';
export * from './policy-set';
export * from './episode-counts';
export * from './triage';
export * from './repeat-missing';
