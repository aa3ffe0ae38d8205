/**
 * Lantern's charts: each function takes a plain object and returns a complete, accessible SVG
 * string (role="img", a title and a generated description), the same bytes for the same input,
 * with no DOM and no Node APIs, so reports render them on the server and the dashboard in a
 * browser.
 */
export { OKABE_ITO, SEQUENTIAL_5 } from './palette.js';
export { escapeXml } from './svg.js';
export { trendChart } from './trend-chart.js';
export type { TrendChartInput, TrendForecastMonth, TrendMonth } from './trend-chart.js';
export { funnelPlot } from './funnel-plot.js';
export type { FunnelArea, FunnelLimit, FunnelPlotInput } from './funnel-plot.js';
export {
  APPROXIMATE_NOTE,
  hotspotClasses,
  hotspotMap,
  hotspotMapMinHeight,
} from './hotspot-map.js';
export type {
  HotspotCell,
  HotspotClass,
  HotspotMapInput,
  MapPlace,
  MapPlaces,
} from './hotspot-map.js';
export { riskBand, riskMatrix } from './risk-matrix.js';
export type { RiskBand, RiskIssue, RiskMatrixInput } from './risk-matrix.js';
export { barChange, barChart } from './bar-chart.js';
export type { Bar, BarChange, BarChartInput } from './bar-chart.js';
export { changeArrow, changeDirection } from './change-arrow.js';
export { sparkline } from './sparkline.js';
export type { SparklineInput } from './sparkline.js';
export type { ChangeArrowInput, ChangeDirection } from './change-arrow.js';
export { choroplethMap, choroplethMapMinHeight } from './choropleth-map.js';
export type { MapPoint } from './choropleth-map.js';
export type { ChoroplethArea, ChoroplethMapInput } from './choropleth-map.js';
