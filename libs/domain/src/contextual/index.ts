export * from './places';
export * from './hotspot-window';
