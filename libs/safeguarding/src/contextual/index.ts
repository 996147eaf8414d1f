export * from './contextual-safeguarding.module';
export * from './get-hotspots.query';
export * from './get-child-associations.query';
