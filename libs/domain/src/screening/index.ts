export * from './screening-tool';
export * from './screening';
export * from './working-days';
