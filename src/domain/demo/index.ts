/** Demo data: the ~40-debtor portfolio seeded on first run and the 50k-debtor load-test portfolio. */
export { DEFAULT_DEMO_SEED, DEMO_DEBTOR_COUNT, generateDemoPortfolio } from './portfolio';
export { generateLargePortfolio } from './large-portfolio';
export { bundleProblems, schemaProblems } from './invariants';
