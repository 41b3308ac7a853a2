/**
 * The closed lists the entities' enums are made of. Plain arrays without zod, so code that only checks a
 * value against them (the worklist's summary reader, storage/codec.ts) does not load every schema; the zod
 * enums are built from them in ./entities.ts, which re-exports them.
 */
export const SEGMENTS = ['key_account', 'mid_market', 'small_business', 'public_sector'] as const;
export const ACTIVITY_TYPES = ['call', 'email', 'letter', 'note', 'payment'] as const;
export const PROMISE_STATUSES = ['pending', 'kept', 'partial', 'broken'] as const;
export const TASK_KINDS = ['call_back', 'check_promise', 'send_recap', 'retry_call', 'reminder'] as const;
