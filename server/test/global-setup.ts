/** One throwaway PostgreSQL cluster for the whole run; each test file makes its own database in it. */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../src/db/cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startCluster({ fast: true });
  project.provide('pgPort', cluster.port);
  return () => cluster.stop();
}
