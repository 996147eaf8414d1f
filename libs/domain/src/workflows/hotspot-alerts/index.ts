export * from './hotspot-alerts.workflow';
export { hotspotReasons } from './hotspot-reasons';
