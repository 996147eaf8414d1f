export * from './places';
export * from './hotspot-window';
export * from './association-reasons';
