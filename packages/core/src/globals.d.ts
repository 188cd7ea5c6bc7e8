/**
 * The core is compiled without Node's or the DOM's type definitions (`types: []`), so using a host
 * API by mistake fails to compile. The one global it relies on is a monotonic clock, which Node,
 * browsers and workers all have (High Resolution Time).
 */
declare const performance: { now(): number };
